// node --test deploy/test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { definitions, toApolloManifest } from '../apollo-router/pq-manifest.mjs';

const deployDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sha = (s) => createHash('sha256').update(s).digest('hex');

test('definitions: named operations, fragments, comments, strings', () => {
  const doc = [
    '# query Fake { x } in a comment',
    'fragment Price on Money { paise formatted }',
    'query ProductBySlug($slug: String!, $f: Filter = {q: "} query X {"}) @cached(ttl: 60) {',
    '  product(slug: $slug) { name description(format: """ a { block } """) price { ...Price } }',
    '}',
  ].join('\n');
  assert.deepEqual(definitions(doc), [
    { kind: 'fragment', name: 'Price' },
    { kind: 'operation', type: 'query', name: 'ProductBySlug' },
  ]);
  assert.deepEqual(definitions('{ me { id } }'), [{ kind: 'operation', type: 'query', name: undefined }]);
  assert.deepEqual(definitions('subscription OrderStatus($id: ID!) { orderStatusChanged(id: $id) { status } }'), [
    { kind: 'operation', type: 'subscription', name: 'OrderStatus' },
  ]);
  assert.deepEqual(definitions('mutation ($x: ID!) { a(x: $x) }'), [{ kind: 'operation', type: 'mutation', name: undefined }]);
  assert.throws(() => definitions('query A { a'), /unbalanced/);
  assert.throws(() => definitions('query A { a(s: "x) }'), /unterminated/);
});

test('toApolloManifest: format, sorting, id checks', () => {
  const a = 'query B { b }';
  const b = 'mutation A($x: ID!) { a(x: $x) { id } }';
  const { manifest, problems } = toApolloManifest({ [sha(a)]: a, [sha(b).toUpperCase()]: b });
  assert.deepEqual(problems, []);
  assert.equal(manifest.format, 'apollo-persisted-query-manifest');
  assert.equal(manifest.version, 1);
  assert.deepEqual(manifest.operations, [
    { id: sha(b), name: 'A', type: 'mutation', body: b },
    { id: sha(a), name: 'B', type: 'query', body: a },
  ]);
  const bad = toApolloManifest({
    [sha('x')]: 'query Wrong { a }', // id is not sha256(body)
    [sha('{ a }')]: '{ a }', // anonymous
    [sha('query A { a } query B { b }')]: 'query A { a } query B { b }', // two operations
  }).problems;
  assert.equal(bad.length, 3, bad.join('\n'));
  assert.deepEqual(toApolloManifest({ [sha('x')]: 'query Wrong { a }' }, { verify: false }).problems, []);
});

test('pq-manifest.mjs --check on a scratch pair', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pq-'));
  try {
    const doc = 'query Me { me { id } }';
    const input = path.join(dir, 'in.json');
    const output = path.join(dir, 'out.json');
    writeFileSync(input, JSON.stringify({ [sha(doc)]: doc }));
    const run = (...args) => spawnSync(process.execPath, [path.join(deployDir, 'apollo-router/pq-manifest.mjs'), '--in', input, '--out', output, ...args]);
    assert.equal(run('--check').status, 1); // no output yet
    assert.equal(run().status, 0);
    assert.equal(run('--check').status, 0);
    assert.equal(JSON.parse(readFileSync(output, 'utf8')).operations[0].name, 'Me');
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('sync.mjs: the committed deploy/ matches supergraph/subgraphs.json', () => {
  execFileSync(process.execPath, [path.join(deployDir, 'sync.mjs'), '--check'], { stdio: 'pipe' });
});

test('sync.mjs: adding and removing a subgraph touches every generated part', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sync-'));
  try {
    cpSync(deployDir, path.join(dir, 'deploy'), { recursive: true, filter: (p) => !p.includes(`${path.sep}validate${path.sep}`) });
    const list = path.join(dir, 'subgraphs.json');
    const sync = (...args) => spawnSync(process.execPath, [path.join(dir, 'deploy/sync.mjs'), '--subgraphs', list, ...args], { encoding: 'utf8' });
    writeFileSync(list, JSON.stringify([
      { name: 'users', url: 'http://localhost:3001/graphql' },
      { name: 'catalog', url: 'http://localhost:3002/graphql' },
      { name: 'cart', url: 'http://localhost:3003/graphql' },
    ]));
    assert.equal(sync('--check').status, 1);
    assert.equal(sync().status, 0);
    assert.equal(sync('--check').status, 0);
    const read = (rel) => readFileSync(path.join(dir, 'deploy', rel), 'utf8');
    assert.match(read('docker-compose.yml'), /CART_URL: http:\/\/cart:3003\/graphql/);
    assert.match(read('docker-compose.yml'), /args: \{SUBGRAPH: cart, PORT: "3003"\}/);
    assert.match(read('docker-compose.yml'), /seed-cart: \{<<: \*seed/);
    assert.match(read('k8s/base/kustomization.yaml'), /- subgraphs\/cart\n/);
    assert.match(read('k8s/base/router/kustomization.yaml'), /- CART_URL=http:\/\/cart:3003\/graphql/);
    assert.match(read('k8s/base/subgraphs/cart/values.yaml'), /port: 3003/);
    assert.match(read('apollo-router/router.yaml'), /cart: "\$\{env\.CART_URL:-http:\/\/localhost:3003\/graphql\}"/);

    writeFileSync(list, JSON.stringify([{ name: 'users', url: 'http://localhost:3001/graphql' }]));
    assert.equal(sync().status, 0);
    assert.ok(!existsSync(path.join(dir, 'deploy/k8s/base/subgraphs/cart')));
    assert.ok(!existsSync(path.join(dir, 'deploy/k8s/base/subgraphs/catalog')));
    assert.doesNotMatch(read('docker-compose.yml'), /catalog:|CART_URL/);

    for (const bad of [
      [{ name: 'Users', url: 'http://localhost:3001/graphql' }],
      [{ name: 'users', url: 'http://localhost/graphql' }],
      [{ name: 'a', url: 'http://localhost:3001/graphql' }, { name: 'b', url: 'http://localhost:3001/graphql' }],
    ]) {
      writeFileSync(list, JSON.stringify(bad));
      assert.equal(sync().status, 1, JSON.stringify(bad));
    }
  } finally {
    rmSync(dir, { recursive: true });
  }
});
