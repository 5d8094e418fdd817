export * from './format';
export * from './session';
export * from './errors';
export * from './client';
export * from './i18n';
export * from './ui';
export * from './gql/graphql';
