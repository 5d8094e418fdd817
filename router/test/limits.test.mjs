// The default alias and cost limits let every operation the apps ship through, with room.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildASTSchema, parse } from 'graphql';
import { operationCost, aliasCount } from '../limits.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEFAULT_MAX_COST = 20000;
const DEFAULT_MAX_ALIASES = 30;

test('every persisted operation is within the default limits (at most half the cost limit)', () => {
  const schema = buildASTSchema(parse(readFileSync(path.join(root, 'supergraph', 'supergraph.graphql'), 'utf8')), { assumeValidSDL: true });
  const ops = JSON.parse(readFileSync(path.join(root, 'router', 'persisted-operations.json'), 'utf8'));
  assert.ok(Object.keys(ops).length > 10);
  for (const doc of Object.values(ops)) {
    const ast = parse(doc);
    assert.ok(operationCost(schema, ast, undefined, {}) <= DEFAULT_MAX_COST / 2, doc.slice(0, 80));
    assert.ok(aliasCount(ast) <= DEFAULT_MAX_ALIASES, doc.slice(0, 80));
  }
});

test('a connection first bounds its edges; a list without first counts 10', () => {
  const schema = buildASTSchema(parse(`
    type Query { products(first: Int): ProductConnection! tags: [String!]! }
    type ProductConnection { edges: [Edge!]! }
    type Edge { node: Product! }
    type Product { id: ID! images: [Image!]! }
    type Image { url: String! }
  `));
  const cost = (q, v) => operationCost(schema, parse(q), undefined, v);
  assert.equal(cost('{ products(first: 50) { edges { node { id } } } }'), 1 + 50 + 50 + 50);
  assert.equal(cost('query($n: Int) { products(first: $n) { edges { node { images { url } } } } }', { n: 2 }), 1 + 2 + 2 + 2 + 20);
  assert.equal(cost('{ tags }'), 1);
});

test('introspection costs nothing', async () => {
  const { buildSchema, getIntrospectionQuery } = await import('graphql');
  const schema = buildSchema('type Query { a: [String] }');
  assert.equal(operationCost(schema, parse(getIntrospectionQuery()), undefined, {}), 0);
});
