// End-to-end tests of gateway.config.mjs: the real hive-gateway CLI (as started in production)
// in front of two fake subgraphs (test/fake-subgraph.mjs) and the fixture supergraph
// (test/fixtures/supergraph.graphql). Run: npm test (in router/). Ports are picked free.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, verify } from 'node:crypto';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { startFakeSubgraph } from './fake-subgraph.mjs';
import { startGateway, gql, routerKey } from './harness.mjs';

const DOCS = {
  ProductBySlug: 'query ProductBySlug($slug: String!) {\n  product(slug: $slug) { id title createdBy { id name } }\n}',
  Ticks: 'subscription Ticks($n: Int!) { ticks(n: $n) }',
};
const sha = (s) => createHash('sha256').update(s).digest('hex');
const ID = Object.fromEntries(Object.entries(DOCS).map(([k, v]) => [k, sha(v)]));

/** Verifies a router service token as a subgraph named audience would; returns its claims. */
function verifyServiceToken(token, audience) {
  const [h, p, sig] = token.split('.');
  assert.ok(verify(null, Buffer.from(`${h}.${p}`), routerKey.publicKey, Buffer.from(sig, 'base64url')), 'signed with the router key');
  const header = JSON.parse(Buffer.from(h, 'base64url'));
  const claims = JSON.parse(Buffer.from(p, 'base64url'));
  assert.equal(header.alg, 'EdDSA');
  assert.match(header.kid, /^router:[A-Za-z0-9_-]{16}$/);
  assert.equal(claims.iss, 'purra-services');
  assert.equal(claims.sub, 'router');
  assert.equal(claims.aud, audience);
  assert.ok(claims.exp - claims.iat <= 300 && claims.exp > Date.now() / 1000, 'lives at most five minutes');
  return claims;
}

function wsIterate(gw, connectionParams, payload) {
  const client = createClient({ url: gw.ws, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
  return (async () => {
    const out = [];
    try {
      for await (const r of client.iterate(payload)) out.push(r);
    } finally {
      await client.dispose();
    }
    return out;
  })();
}

async function sse(gw, body, headers = {}) {
  const res = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  return text
    .split('\n')
    .filter((l) => l.startsWith('data: '))
    .map((l) => l.slice(6))
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

let users, catalog, tmp, manifestPath;
before(async () => {
  users = await startFakeSubgraph('users');
  catalog = await startFakeSubgraph('catalog');
  tmp = await mkdtemp(path.join(tmpdir(), 'purra-router-'));
  manifestPath = path.join(tmp, 'persisted-operations.json');
  await writeFile(manifestPath, JSON.stringify(Object.fromEntries(Object.values(DOCS).map((d) => [sha(d), d]))));
});
after(async () => {
  await users?.close();
  await catalog?.close();
  if (tmp) await rm(tmp, { recursive: true });
});

describe('default settings (development)', () => {
  let gw;
  before(async () => {
    gw = await startGateway({
      USERS_URL: users.url, // the supergraph says 127.0.0.1:3101; the override must win
      CATALOG_URL: catalog.url,
      USERS_TIMEOUT_MS: '500',
      PERSISTED_OPERATIONS_PATH: manifestPath,
    });
  });
  after(() => gw?.stop());

  test('uses the Rust query planner (router runtime)', () => {
    assert.match(gw.output(), /query planner: Hive Router runtime \(Rust query planner\)/);
  });

  test('plans a query across two subgraphs', async () => {
    const r = await gql(gw, { query: '{ product(slug: "phone") { title createdBy { id name } } me { name } }' });
    assert.deepEqual(r.json, { data: { product: { title: 'Phone', createdBy: { id: 'u9', name: 'User u9' } }, me: { name: 'Asha' } } });
  });

  test('forwards Authorization, x-client-name and x-request-id to subgraphs', async () => {
    const r = await gql(gw, { query: '{ echoHeaders }' }, { authorization: 'Bearer abc', 'x-client-name': 'purra-web', 'x-request-id': 'req-1' });
    assert.deepEqual(JSON.parse(r.json.data.echoHeaders), { authorization: 'Bearer abc', 'x-request-id': 'req-1', 'x-client-name': 'purra-web' });
    assert.equal(r.headers.get('x-request-id'), 'req-1');

    const gen = await gql(gw, { query: '{ echoHeaders }' });
    const seen = JSON.parse(gen.json.data.echoHeaders);
    assert.match(seen['x-request-id'], /^[0-9a-f-]{36}$/);
    assert.equal(gen.headers.get('x-request-id'), seen['x-request-id']);
    assert.equal(seen.authorization, undefined);
  });

  test('sends its own service credential to each subgraph, addressed to it, and never the client\'s', async () => {
    users.serviceTokens.length = 0;
    catalog.serviceTokens.length = 0;
    await gql(gw, { query: '{ product(slug: "phone") { title createdBy { name } } me { name } }' }, { 'x-service-token': 'forged-by-client' });
    await wsIterate(gw, {}, { query: 'subscription { ticks(n: 1) }' });
    for (const [sg, name] of [[users, 'users'], [catalog, 'catalog']]) {
      assert.ok(sg.serviceTokens.length > 0, `${name} was called`);
      for (const { token } of sg.serviceTokens) verifyServiceToken(token, name);
    }
    assert.ok(users.serviceTokens.some((t) => t.kind === 'ws'), 'the websocket upgrade carries it too');
  });

  test('refuses to start without a service key', async () => {
    await assert.rejects(startGateway({ SERVICE_TOKEN_KEY: '', USERS_URL: users.url, CATALOG_URL: catalog.url }), /SERVICE_TOKEN_KEY is required/);
  });

  test('serves persisted operations by documentId (POST, GET) and APQ hash', async () => {
    const expected = { data: { product: { id: 'p1', title: 'Phone', createdBy: { id: 'u9', name: 'User u9' } } } };
    assert.deepEqual((await gql(gw, { documentId: ID.ProductBySlug, variables: { slug: 'phone' } })).json, expected);
    const qs = new URLSearchParams({ documentId: ID.ProductBySlug, variables: JSON.stringify({ slug: 'phone' }) });
    assert.deepEqual(await (await fetch(`${gw.url}?${qs}`, { headers: { 'x-purra-csrf': '1' } })).json(), expected);
    const apq = { extensions: { persistedQuery: { version: 1, sha256Hash: ID.ProductBySlug } }, variables: { slug: 'phone' } };
    assert.deepEqual((await gql(gw, apq, { 'x-client-name': 'purra-mobile' })).json, expected);
  });

  test('a mobile client may run only persisted operations', async () => {
    for (const h of [{ 'x-client-name': 'purra-mobile' }, { 'apollographql-client-name': 'purra-mobile' }]) {
      const r = await gql(gw, { query: '{ me { id } }' }, h);
      assert.equal(r.json.errors[0].extensions.code, 'PERSISTED_QUERY_ONLY');
      assert.equal(r.json.data, undefined);
    }
    const unknown = await gql(gw, { documentId: 'deadbeef' }, { 'x-client-name': 'purra-mobile' });
    assert.equal(unknown.json.errors[0].extensions.code, 'PERSISTED_QUERY_NOT_FOUND');
    const web = await gql(gw, { query: '{ me { id } }' }, { 'x-client-name': 'purra-web' });
    assert.deepEqual(web.json, { data: { me: { id: 'u1' } } });
  });

  test('limits depth and tokens but lets introspection through', async () => {
    const nest = (n) => (n === 0 ? 'name' : `child { ${nest(n - 1)} }`);
    const ok = await gql(gw, { query: `{ deep { ${nest(10)} } }` }); // depth 12
    assert.equal(ok.json.errors, undefined);
    const deep = await gql(gw, { query: `{ deep { ${nest(11)} } }` }); // depth 13
    assert.match(deep.json.errors[0].message, /depth limit of 12 exceeded/);
    const many = Array.from({ length: 700 }, (_, i) => `a${i}: echoHeaders`).join(' ');
    const tokens = await gql(gw, { query: `{ ${many} }` });
    assert.match(tokens.json.errors[0].message, /Token limit of 2000 exceeded/);
    const { getIntrospectionQuery } = await import('graphql');
    const intro = await gql(gw, { query: getIntrospectionQuery({ descriptions: true, directiveIsRepeatable: true, specifiedByUrl: true, inputValueDeprecation: true }) });
    assert.equal(intro.json.errors, undefined);
    assert.ok(intro.json.data.__schema.types.some((t) => t.name === 'Product'));
  });

  test('times a slow subgraph out (USERS_TIMEOUT_MS) without timing out subscriptions', async () => {
    const r = await gql(gw, { query: '{ slow(ms: 1500) }' });
    assert.equal(r.status, 504);
    assert.equal(r.json.errors[0].extensions.code, 'GATEWAY_TIMEOUT');
    const events = await sse(gw, { query: 'subscription { ticks(n: 40) }' }); // ~800 ms > 500 ms
    assert.equal(events.length, 40);
  });

  test('subscriptions: SSE and graphql-ws, token forwarded to the subgraph websocket', async () => {
    users.seen.length = 0;
    const viaSse = await sse(gw, { query: 'subscription { ticks(n: 3) }' }, { authorization: 'Bearer sse-token', 'x-client-name': 'purra-web' });
    assert.deepEqual(viaSse, [{ data: { ticks: 1 } }, { data: { ticks: 2 } }, { data: { ticks: 3 } }]);
    const viaWs = await wsIterate(gw, { Authorization: 'Bearer ws-token' }, { query: 'subscription { ticks(n: 2) }' });
    assert.deepEqual(viaWs, [{ data: { ticks: 1 } }, { data: { ticks: 2 } }]);
    const ws = users.seen.filter((s) => s.kind === 'ws');
    assert.deepEqual(ws[0], { kind: 'ws', headers: { authorization: 'Bearer sse-token', 'x-client-name': 'purra-web' }, connectionParams: { Authorization: 'Bearer sse-token' } });
    assert.deepEqual(ws[1], { kind: 'ws', headers: { authorization: 'Bearer ws-token' }, connectionParams: { Authorization: 'Bearer ws-token' } });
  });

  test('a mobile websocket client (connectionParams) may run only persisted operations', async () => {
    const refused = await wsIterate(gw, { 'x-client-name': 'purra-mobile' }, { query: 'subscription { ticks(n: 2) }' });
    assert.equal(refused[0].errors[0].extensions.code, 'PERSISTED_QUERY_ONLY');
    const ok = await wsIterate(gw, { 'x-client-name': 'purra-mobile' }, { query: DOCS.Ticks, variables: { n: 2 } });
    assert.deepEqual(ok, [{ data: { ticks: 1 } }, { data: { ticks: 2 } }]);
  });

  test('Laboratory on GET text/html, health endpoints', async () => {
    const ctrl = new AbortController();
    const lab = await fetch(gw.url, { headers: { accept: 'text/html' }, signal: ctrl.signal });
    assert.equal(lab.status, 200);
    assert.match(lab.headers.get('content-type'), /text\/html/);
    ctrl.abort();
    for (const p of ['/healthz', '/healthcheck', '/readiness']) assert.equal((await fetch(gw.base + p)).status, 200, p);
  });

  test('CORS: localhost origins allowed by default, others not', async () => {
    const pre = (origin) => fetch(gw.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' } });
    const ok = await pre('http://localhost:5173');
    assert.equal(ok.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    assert.equal(ok.headers.get('access-control-allow-credentials'), 'true');
    const bad = await pre('https://evil.example');
    assert.equal(bad.headers.get('access-control-allow-origin'), null);
  });
});

describe('production settings', () => {
  let gw;
  before(async () => {
    gw = await startGateway({
      NODE_ENV: 'production',
      LOG_JSON: '1',
      USERS_URL: users.url,
      CATALOG_URL: catalog.url,
      ALLOW_ARBITRARY_OPERATIONS: 'false',
      CORS_ORIGINS: 'https://purra.in,https://*.purra.in',
      PERSISTED_OPERATIONS_PATH: manifestPath,
    });
  });
  after(() => gw?.stop());

  test('no arbitrary operations for anybody; persisted ones work', async () => {
    const r = await gql(gw, { query: '{ me { id } }' });
    assert.equal(r.json.errors[0].extensions.code, 'PERSISTED_QUERY_ONLY');
    const p = await gql(gw, { documentId: ID.ProductBySlug, variables: { slug: 'x' } });
    assert.equal(p.json.data.product.title, 'Phone');
  });

  test('no Laboratory, JSON logs, configured CORS origins', async () => {
    assert.equal((await fetch(gw.url, { headers: { accept: 'text/html' } })).status, 406);
    assert.ok(gw.output().split('\n').some((l) => l.startsWith('{') && JSON.parse(l).msg === 'purra router configuration'));
    const pre = (origin) => fetch(gw.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    assert.equal((await pre('https://shop.purra.in')).headers.get('access-control-allow-origin'), 'https://shop.purra.in');
    assert.equal((await pre('http://localhost:3000')).headers.get('access-control-allow-origin'), null);
  });
});
