// GraphQL Code Generator: typed documents for every operation the storefront
// ships (operations/storefront), checked against the composed API schema.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'shared/schema.graphql',
  documents: ['../operations/storefront/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'shared/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: false,
        scalars: { Paise: 'number', DateTime: 'string', JSON: 'unknown' },
      },
    },
  },
};
export default config;
