#!/usr/bin/env node
// Writes web/shared/schema.graphql: the API schema clients see (the composed
// supergraph without its join directives and @inaccessible parts), the input
// of GraphQL Code Generator. Generated; `make web-codegen` keeps it in step.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, print } from 'graphql';
import { transformSupergraphToPublicSchema } from '@theguild/federation-composition';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..', '..');
const sdl = await readFile(path.join(repo, 'supergraph', 'supergraph.graphql'), 'utf8');
const out = path.join(here, '..', 'schema.graphql');
await writeFile(out, '# Generated from supergraph/supergraph.graphql by web/shared/scripts/api-schema.mjs. Do not edit.\n' +
  print(transformSupergraphToPublicSchema(parse(sdl))) + '\n');
