// The Playground opens with the README's first query: it must parse, name
// every operation (GraphiQL refuses two anonymous ones) and say how to sign in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, Kind } from 'graphql';
import { playgroundOptions, readmeFirstQuery } from '../playground.mjs';

test('the Playground opens with the README first query', () => {
  const { defaultQuery, title } = playgroundOptions('Purra GraphQL');
  assert.equal(title, 'Purra GraphQL');
  assert.ok(defaultQuery.includes(readmeFirstQuery()) || defaultQuery.includes('rahul@purra.in'));
  assert.match(defaultQuery, /Authorization": "Bearer <accessToken>/);
  const ops = parse(defaultQuery).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  assert.deepEqual(ops.map((o) => [o.operation, o.name?.value]), [['mutation', 'SignIn'], ['query', 'FirstLook']]);
});

test('without a README the Playground keeps its own default', () => {
  assert.equal(readmeFirstQuery('/nonexistent/README.md'), null);
});
