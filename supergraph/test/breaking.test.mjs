// node --test: the breaking-change check CI runs on schema changes (breaking.mjs)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { compare } from '../breaking.mjs';

const current = readFileSync(new URL('../supergraph.graphql', import.meta.url), 'utf8');

test('the committed supergraph against itself: nothing breaks', () => {
  assert.deepEqual(compare(current, current).breaking, []);
});

test('a removed root field and a field made nullable-to-required argument break', () => {
  const removed = current.replace(/\n  checkout\(/, '\n  checkoutRenamed(');
  assert.notEqual(removed, current, 'the supergraph has Mutation.checkout');
  const kinds = compare(current, removed).breaking.map((c) => `${c.type} ${c.description}`);
  assert.ok(kinds.some((k) => k.includes('Mutation.checkout was removed')), kinds.join('\n'));
});

test('an added optional field is not breaking', () => {
  const added = current.replace(/type Query(\s[^{]*)?\{/, (m) => `${m}\n  purraHealth: String`);
  assert.notEqual(added, current);
  assert.deepEqual(compare(current, added).breaking, []);
});
