#!/usr/bin/env node
// Breaking-change check of the supergraph's public API between two composed
// supergraphs (CI: the base branch's against this change's):
//
//   node supergraph/breaking.mjs <old supergraph.graphql> <new supergraph.graphql>
//
// Compares the API schemas (federation's join__/link__ machinery and @inaccessible
// elements removed) with graphql-js findBreakingChanges; exits 1 and lists them when a
// type, field, argument or enum value clients may use was removed or changed
// incompatibly. Dangerous changes (e.g. a new enum value) are printed, not failed.
import { readFileSync } from 'node:fs';
import { buildSchema, findBreakingChanges, findDangerousChanges, GraphQLSchema, isIntrospectionType, isSpecifiedScalarType } from 'graphql';

/** the API schema: drop federation-internal types and @inaccessible elements */
export function apiSchema(sdl) {
  const schema = buildSchema(sdl, { assumeValidSDL: true });
  const internal = (name) => /^(join__|link__|core__)/.test(name) || name === 'link__Import';
  const inaccessible = (node) => node?.astNode?.directives?.some((d) => d.name.value === 'inaccessible');
  const types = Object.values(schema.getTypeMap()).filter(
    (t) => !internal(t.name) && !isIntrospectionType(t) && !isSpecifiedScalarType(t) && !inaccessible(t),
  );
  for (const t of types) {
    if (typeof t.getFields !== 'function') continue;
    const fields = t.getFields();
    for (const [name, f] of Object.entries(fields)) if (inaccessible(f)) delete fields[name];
  }
  return new GraphQLSchema({
    query: schema.getQueryType(),
    mutation: schema.getMutationType(),
    subscription: schema.getSubscriptionType(),
    types,
    directives: [],
  });
}

export function compare(oldSDL, newSDL) {
  const a = apiSchema(oldSDL);
  const b = apiSchema(newSDL);
  return { breaking: findBreakingChanges(a, b), dangerous: findDangerousChanges(a, b) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [oldFile, newFile] = process.argv.slice(2);
  if (!oldFile || !newFile) {
    console.error('usage: node supergraph/breaking.mjs <old supergraph.graphql> <new supergraph.graphql>');
    process.exit(2);
  }
  const { breaking, dangerous } = compare(readFileSync(oldFile, 'utf8'), readFileSync(newFile, 'utf8'));
  for (const c of dangerous) console.log(`dangerous: ${c.type}: ${c.description}`);
  for (const c of breaking) console.error(`BREAKING: ${c.type}: ${c.description}`);
  if (breaking.length) process.exit(1);
  console.log(`no breaking change (${dangerous.length} dangerous)`);
}
