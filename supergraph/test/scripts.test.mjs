// Tests of compose.mjs and persisted.mjs against throwaway schemas in test/fixtures
// (never schema/). Run: npm test (in supergraph/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile, cp, rm, readdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const fixtures = path.join(here, 'fixtures');

function run(script, args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(root, script), ...args], (err, stdout, stderr) => {
      resolve({ code: err ? err.code : 0, stdout, stderr });
    });
  });
}

async function workdir() {
  const dir = await mkdtemp(path.join(tmpdir(), 'purra-supergraph-'));
  await cp(fixtures, dir, { recursive: true });
  return dir;
}

const composeArgs = (dir, ...more) => ['--schema-dir', path.join(dir, 'schema'), '--subgraphs', path.join(dir, 'subgraphs.json'), '--out', path.join(dir, 'supergraph.graphql'), ...more];

test('compose writes the supergraph of listed subgraphs that have a schema', async () => {
  const dir = await workdir();
  const r = await run('compose.mjs', composeArgs(dir));
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /skipped \(listed, no schema file\): cart/);
  assert.match(r.stderr, /not in subgraphs\.json, ignored: orders/);
  const sdl = await readFile(path.join(dir, 'supergraph.graphql'), 'utf8');
  assert.match(sdl, /@join__graph\(name: "users", url: "http:\/\/127\.0\.0\.1:3101\/graphql"\)/);
  assert.match(sdl, /@join__graph\(name: "catalog"/);
  assert.doesNotMatch(sdl, /unlisted/);
  assert.deepEqual((await readdir(dir)).filter((f) => f.endsWith('.tmp')), [], 'no temp file left behind');

  const again = await run('compose.mjs', composeArgs(dir));
  assert.match(again.stdout, /unchanged/);
  assert.equal((await run('compose.mjs', composeArgs(dir, '--check'))).code, 0);
  await rm(dir, { recursive: true });
});

test('compose --check fails on a stale or missing supergraph', async () => {
  const dir = await workdir();
  const missing = await run('compose.mjs', composeArgs(dir, '--check'));
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /does not exist/);
  await run('compose.mjs', composeArgs(dir));
  const file = path.join(dir, 'schema', 'catalog.graphqls');
  await writeFile(file, (await readFile(file, 'utf8')).replace('title: String!', 'title: String!\n  mrp: Int'));
  const stale = await run('compose.mjs', composeArgs(dir, '--check'));
  assert.equal(stale.code, 1);
  assert.match(stale.stderr, /STALE/);
  await rm(dir, { recursive: true });
});

test('compose prints every composition error and exits 1 without writing', async () => {
  const dir = await workdir();
  const file = path.join(dir, 'schema', 'catalog.graphqls');
  await writeFile(file, (await readFile(file, 'utf8')).replace('product(id: ID, slug: String): Product', 'product(id: ID, slug: String): Product\n  me: Int'));
  const r = await run('compose.mjs', composeArgs(dir));
  assert.equal(r.code, 1);
  assert.match(r.stderr, /composition failed with 2 error/);
  assert.match(r.stderr, /\[FIELD_TYPE_MISMATCH\]/);
  assert.match(r.stderr, /\[INVALID_FIELD_SHARING\]/);
  await assert.rejects(readFile(path.join(dir, 'supergraph.graphql')));
  await rm(dir, { recursive: true });
});

test('compose rejects a syntax error and an empty selection', async () => {
  const dir = await workdir();
  await writeFile(path.join(dir, 'schema', 'users.graphqls'), 'type Query { me: ');
  const r = await run('compose.mjs', composeArgs(dir));
  assert.equal(r.code, 1);
  assert.match(r.stderr, /syntax error in .*users\.graphqls/);
  const none = await run('compose.mjs', ['--schema-dir', path.join(dir, 'nothing'), '--subgraphs', path.join(dir, 'subgraphs.json'), '--out', path.join(dir, 'x.graphql')]);
  assert.equal(none.code, 1);
  assert.match(none.stderr, /no subgraph to compose/);
  await rm(dir, { recursive: true });
});

const persistedArgs = (dir, ...more) => ['--operations', path.join(dir, 'operations'), '--supergraph', path.join(dir, 'supergraph.graphql'), '--out', path.join(dir, 'manifest.json'), ...more];

test('persisted builds { sha256(document): document } and --check detects staleness', async () => {
  const dir = await workdir();
  await run('compose.mjs', composeArgs(dir));
  const r = await run('persisted.mjs', persistedArgs(dir));
  assert.equal(r.code, 0, r.stderr);
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
  assert.equal(Object.keys(manifest).length, 2);
  for (const [id, doc] of Object.entries(manifest)) {
    assert.equal(id, createHash('sha256').update(doc).digest('hex'));
  }
  const text = (await readFile(path.join(dir, 'operations', 'EchoHeaders.graphql'), 'utf8')).trim();
  assert.equal(manifest[createHash('sha256').update(text).digest('hex')], text);
  assert.equal((await run('persisted.mjs', persistedArgs(dir, '--check'))).code, 0);

  await writeFile(path.join(dir, 'operations', 'EchoHeaders.graphql'), 'query EchoHeaders {\n  echoHeaders\n}\n');
  const stale = await run('persisted.mjs', persistedArgs(dir, '--check'));
  assert.equal(stale.code, 1);
  assert.match(stale.stderr, /STALE/);
  await rm(dir, { recursive: true });
});

test('persisted validates against the API schema, names, one operation per file and the depth limit', async () => {
  const dir = await workdir();
  await run('compose.mjs', composeArgs(dir));
  const ops = path.join(dir, 'operations');
  await writeFile(path.join(ops, 'Bad.graphql'), 'query Bad { product(slug: 1) { nope } }');
  await writeFile(path.join(ops, 'Named.graphql'), 'query Other { echoHeaders }');
  await writeFile(path.join(ops, 'Two.graphql'), 'query Two { echoHeaders } query Three { echoHeaders }');
  await writeFile(path.join(ops, 'Deep.graphql'), 'query Deep { deep { child { child { child { name } } } } }');
  await writeFile(path.join(ops, 'Internal.graphql'), 'query Internal { _service { sdl } }');
  await writeFile(path.join(ops, 'EchoHeaders.v1.graphql'), 'query EchoHeaders { echoHeaders  }');
  const r = await run('persisted.mjs', persistedArgs(dir, '--max-depth', '4'));
  assert.equal(r.code, 1);
  assert.match(r.stderr, /Bad\.graphql:1:\d+: String cannot represent a non string value/);
  assert.match(r.stderr, /Cannot query field "nope" on type "Product"/);
  assert.match(r.stderr, /Named\.graphql: operation is named "Other"/);
  assert.match(r.stderr, /Two\.graphql: expected exactly one operation, found 2/);
  assert.match(r.stderr, /Deep\.graphql: depth 5 exceeds the router's limit 4/);
  assert.match(r.stderr, /Internal\.graphql.*Cannot query field "_service"/);
  assert.doesNotMatch(r.stderr, /EchoHeaders\.v1/); // a tagged older text of the same operation is fine
  await assert.rejects(readFile(path.join(dir, 'manifest.json')));
  await rm(dir, { recursive: true });
});
