// The router's protection of the subgraphs, through the real hive-gateway CLI (see
// gateway.test.mjs for the harness): body limit, aliases and cost, CSRF, security
// headers, rate limits in Redis (the local one, on a key prefix of this run), and
// SERVICE_UNAVAILABLE for a subgraph that is down.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startFakeSubgraph } from './fake-subgraph.mjs';
import { startGateway, gql, freePort } from './harness.mjs';

let users, catalog;
before(async () => {
  users = await startFakeSubgraph('users');
  catalog = await startFakeSubgraph('catalog');
});
after(async () => {
  await users?.close();
  await catalog?.close();
});

describe('limits (development)', () => {
  let gw;
  before(async () => {
    gw = await startGateway({ USERS_URL: users.url, CATALOG_URL: catalog.url, MAX_ALIASES: '5', MAX_COST: '300', MAX_BODY_BYTES: '4096' });
  });
  after(() => gw?.stop());

  test('a body over MAX_BODY_BYTES is 413, one without a length 411', async () => {
    const big = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ me { id } } # ${'x'.repeat(5000)}` }) });
    assert.equal(big.status, 413);
    assert.equal((await big.json()).errors[0].extensions.code, 'PAYLOAD_TOO_LARGE');
    const stream = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('{"query":"{ me { id } }"}')); c.close(); } });
    const chunked = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' });
    assert.equal(chunked.status, 411);
    assert.equal((await gql(gw, { query: '{ me { id } }' })).status, 200);
  });

  test('aliases over MAX_ALIASES are refused before any subgraph is asked', async () => {
    const before = users.seen.length;
    const r = await gql(gw, { query: `{ ${Array.from({ length: 6 }, (_, i) => `a${i}: echoHeaders`).join(' ')} }` });
    assert.equal(r.json.errors[0].extensions.code, 'ALIAS_LIMIT_EXCEEDED');
    assert.equal(users.seen.length, before);
    const ok = await gql(gw, { query: `{ ${Array.from({ length: 5 }, (_, i) => `a${i}: echoHeaders`).join(' ')} }` });
    assert.equal(ok.json.errors, undefined);
  });

  test('cost counts lists by their first argument (literal or variable)', async () => {
    const q = 'query($n: Int) { nodes(first: $n) { name child { name child { name } } } }';
    assert.equal((await gql(gw, { query: q, variables: { n: 20 } })).json.errors, undefined); // 1 + 20*5 = 101
    const r = await gql(gw, { query: q, variables: { n: 100 } }); // 1 + 100*5 = 501
    assert.equal(r.json.errors[0].extensions.code, 'COST_LIMIT_EXCEEDED');
    assert.equal(r.json.errors[0].extensions.cost, 501);
    const lit = await gql(gw, { query: '{ nodes(first: 80) { name child { name child { name } } } }' });
    assert.equal(lit.json.errors[0].extensions.code, 'COST_LIMIT_EXCEEDED');
    // Without first, a list counts DEFAULT_LIST_SIZE (10).
    assert.equal((await gql(gw, { query: '{ nodes { name child { name } } }' })).json.errors, undefined);
  });

  test('CSRF: a simple request (GET, form or text POST) needs a preflight-only header', async () => {
    const qs = new URLSearchParams({ query: '{ echoHeaders }' });
    assert.equal((await fetch(`${gw.url}?${qs}`)).status, 403);
    assert.equal((await fetch(`${gw.url}?${qs}`, { headers: { 'x-purra-csrf': '1' } })).status, 200);
    const form = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%7B%20echoHeaders%20%7D' });
    assert.equal(form.status, 403);
    const text = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: 'mutation { x }' }) });
    assert.equal(text.status, 403);
    assert.equal((await gql(gw, { query: '{ echoHeaders }' })).status, 200, 'application/json needs a preflight already');
  });

  test('security headers on every answer', async () => {
    const r = await gql(gw, { query: '{ me { id } }' });
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(r.headers.get('x-frame-options'), 'DENY');
    assert.equal(r.headers.get('referrer-policy'), 'no-referrer');
    assert.match(r.headers.get('content-security-policy'), /default-src 'none'/);
    assert.equal(r.headers.get('strict-transport-security'), null, 'HSTS only in production');
  });
});

describe('rate limits in Redis', () => {
  let gw, gw2;
  const prefix = `purra:router:test:${randomUUID()}:`;
  before(async () => {
    const env = { USERS_URL: users.url, CATALOG_URL: catalog.url, RATE_LIMIT_PER_IP: '8', RATE_LIMIT_PER_CLIENT: '3', RATE_LIMIT_WINDOW_MS: '60000', RATE_LIMIT_PREFIX: prefix };
    gw = await startGateway(env);
    gw2 = await startGateway(env);
  });
  after(async () => { await gw?.stop(); await gw2?.stop(); });

  test('per client (credential): RATE_LIMITED with Retry-After, other clients unaffected', async () => {
    const a = { authorization: `Bearer a-${randomUUID()}` };
    for (let i = 0; i < 3; i++) assert.equal((await gql(i % 2 ? gw2 : gw, { query: '{ echoHeaders }' }, a)).status, 200);
    const r = await gql(gw, { query: '{ echoHeaders }' }, a); // 4th, counted across both replicas
    assert.equal(r.status, 429);
    assert.equal(r.json.errors[0].extensions.code, 'RATE_LIMITED');
    assert.ok(Number(r.headers.get('retry-after')) >= 1 && Number(r.headers.get('retry-after')) <= 60);
    assert.equal((await gql(gw, { query: '{ echoHeaders }' }, { authorization: `Bearer b-${randomUUID()}` })).status, 200);
  });

  test('per IP, shared by the replicas; X-Forwarded-For from the client does not pick the bucket', async () => {
    let limited;
    for (let i = 0; i < 12 && !limited; i++) {
      const r = await gql(i % 2 ? gw2 : gw, { query: '{ echoHeaders }' }, { 'x-forwarded-for': `198.51.100.${i}` });
      if (r.status === 429) limited = r;
    }
    assert.ok(limited, 'the address was limited');
    assert.equal(limited.json.errors[0].extensions.code, 'RATE_LIMITED');
    assert.ok(limited.headers.get('retry-after'));
  });
});

describe('a subgraph that is down', () => {
  let gw, prod;
  before(async () => {
    const dead = `http://127.0.0.1:${await freePort()}/graphql`;
    gw = await startGateway({ USERS_URL: dead, CATALOG_URL: catalog.url });
    prod = await startGateway({ USERS_URL: dead, CATALOG_URL: catalog.url, NODE_ENV: 'production', ALLOW_ARBITRARY_OPERATIONS: 'true' });
  });
  after(async () => { await gw?.stop(); await prod?.stop(); });

  test('answers the retryable SERVICE_UNAVAILABLE, naming the subgraph outside production', async () => {
    const r = await gql(gw, { query: '{ me { id } }' });
    const e = r.json.errors[0];
    assert.equal(e.extensions.code, 'SERVICE_UNAVAILABLE', JSON.stringify(r.json));
    assert.equal(e.extensions.subgraph, 'users');
    const p = await gql(prod, { query: '{ me { id } }' });
    assert.equal(p.json.errors[0].extensions.code, 'SERVICE_UNAVAILABLE', JSON.stringify(p.json));
    assert.equal(p.json.errors[0].extensions.subgraph, undefined);
    assert.doesNotMatch(p.json.errors[0].message, /users/);
    // The other subgraph still answers its part.
    const part = await gql(gw, { query: '{ product(slug: "phone") { title } }' });
    assert.equal(part.json.data.product.title, 'Phone');
  });

  test('production: no introspection, HSTS', async () => {
    const r = await gql(prod, { query: '{ __schema { types { name } } }' });
    assert.ok(r.json.errors?.length, 'introspection refused');
    assert.match(r.headers.get('strict-transport-security') ?? '', /max-age=/);
  });
});

describe('variables the router refuses', () => {
  let gw;
  before(async () => { gw = await startGateway({ USERS_URL: users.url, CATALOG_URL: catalog.url }); });
  after(() => gw?.stop());

  test('an unknown or missing input field is BAD_USER_INPUT naming it, not an internal error', async () => {
    const q = 'query($i: EchoInput!) { echoInput(input: $i) }';
    assert.deepEqual((await gql(gw, { query: q, variables: { i: { text: 'a' } } })).json, { data: { echoInput: 'a' } });
    const unknown = (await gql(gw, { query: q, variables: { i: { text: 'a', bogus: 1 } } })).json.errors[0];
    assert.equal(unknown.extensions.code, 'BAD_USER_INPUT');
    assert.equal(unknown.extensions.field, 'i.bogus');
    const missing = (await gql(gw, { query: q, variables: { i: {} } })).json.errors[0];
    assert.equal(missing.extensions.code, 'BAD_USER_INPUT');
    assert.equal(missing.extensions.field, 'i.text');
    const wrongType = (await gql(gw, { query: q, variables: { i: { text: 5 } } })).json.errors[0];
    assert.equal(wrongType.extensions.code, 'BAD_USER_INPUT', JSON.stringify(wrongType));
  });
});
