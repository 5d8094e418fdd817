// Purra router: Hive Gateway configuration (auto-discovered by `hive-gateway` in this folder).
//
// Start:  node node_modules/.bin/hive-gateway supergraph ../supergraph/supergraph.graphql
// Every knob is an environment variable; see README.md in this folder for the full list.
//
// The router does NOT verify JWTs: it forwards the client's Authorization header and the
// subgraphs verify it against the users JWKS themselves. It adds its own service credential
// (X-Service-Token, service-token.mjs) to every subgraph request: subgraphs answer only the
// router and the subgraphs their allow-lists name.
import { readFileSync, existsSync, watch } from 'node:fs';
import { randomUUID, createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getOperationAST, GraphQLError } from 'graphql';
import { Logger, JSONLogWriter, ConsoleLogWriter } from '@graphql-hive/logger';
import { unifiedGraphHandler as routerRuntimeHandler } from '@graphql-hive/router-runtime';
import { serviceTokenSigner, SERVICE_HEADER } from './service-token.mjs';
import { useOperationLimits } from './limits.mjs';
import { createRateLimiter } from './ratelimit.mjs';
import { playgroundOptions } from './playground.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const env = process.env;
// ROUTER_ENV wins over NODE_ENV so that a deployment can say production
// without changing how Node itself behaves.
const production = (env.ROUTER_ENV || env.NODE_ENV) === 'production';

// ---------------------------------------------------------------------------------------
// env helpers
function envBool(name, fallback) {
  const v = env[name];
  if (v == null || v.trim() === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(v.trim())) return true;
  if (/^(0|false|no|off)$/i.test(v.trim())) return false;
  throw new Error(`${name}: expected true/false, got "${v}"`);
}
function envInt(name, fallback, min = 0) {
  const v = env[name];
  if (v == null || v.trim() === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name}: expected an integer >= ${min}, got "${v}"`);
  return n;
}
function envList(name, fallback) {
  const v = env[name];
  if (v == null || v.trim() === '') return fallback;
  return v.split(',').map((s) => s.trim()).filter(Boolean);
}
/** USERS_URL, CATALOG_URL, ... : subgraph name -> env var prefix. */
const envKey = (subgraph) => subgraph.toUpperCase().replace(/[^A-Z0-9]/g, '_');

// ---------------------------------------------------------------------------------------
// logging: JSON lines in production (or LOG_FORMAT=json / LOG_JSON=1), pretty otherwise.
const jsonLogs = env.LOG_FORMAT ? env.LOG_FORMAT.toLowerCase() === 'json' : envBool('LOG_JSON', production);
const log = new Logger({
  level: env.LOG_LEVEL || 'info',
  writers: [jsonLogs ? new JSONLogWriter() : new ConsoleLogWriter()],
});

// ---------------------------------------------------------------------------------------
// settings
const settings = {
  port: envInt('PORT', 4000, 1),
  host: env.HOST || '0.0.0.0',
  playground: envBool('PLAYGROUND', !production),
  introspection: envBool('INTROSPECTION', !production),
  allowArbitraryOperations: envBool('ALLOW_ARBITRARY_OPERATIONS', true),
  mobileClientNames: envList('MOBILE_CLIENT_NAMES', ['purra-mobile']).map((s) => s.toLowerCase()),
  subgraphTimeoutMs: envInt('SUBGRAPH_TIMEOUT_MS', 5000, 0),
  maxDepth: envInt('MAX_DEPTH', 12, 1),
  maxTokens: envInt('MAX_TOKENS', 2000, 1),
  // How many proxies in front of the router append to X-Forwarded-For (a load
  // balancer: 1). 0 means the TCP peer is the client.
  trustedProxyHops: envInt('TRUSTED_PROXY_HOPS', 0, 0),
  // Response cache for anonymous queries (product pages, search): 0 turns it off.
  responseCacheTtlMs: envInt('RESPONSE_CACHE_TTL_MS', 10000, 0),
  // Share the response cache (and its invalidations) between router replicas.
  responseCacheRedisUrl: process.env.RESPONSE_CACHE_REDIS_URL || '',
  queryPlanner: (env.QUERY_PLANNER || 'rust').toLowerCase(),
  accessLog: envBool('ACCESS_LOG', true),
  watchSupergraph: envBool('SUPERGRAPH_WATCH', true),
  exposeSubgraphErrorDetails: envBool('EXPOSE_SUBGRAPH_ERROR_DETAILS', !production),
  corsOrigins: envList('CORS_ORIGINS', null), // null = any http(s)://localhost|127.0.0.1|[::1]:port
  persistedOperationsPath: path.resolve(here, env.PERSISTED_OPERATIONS_PATH || 'persisted-operations.json'),
  // Protection of the subgraphs (README "Limits").
  maxBodyBytes: envInt('MAX_BODY_BYTES', 1 << 20, 1),
  maxAliases: envInt('MAX_ALIASES', 30, 0),
  maxCost: envInt('MAX_COST', 20000, 0),
  defaultListSize: envInt('DEFAULT_LIST_SIZE', 10, 1),
  rateLimitPerIp: envInt('RATE_LIMIT_PER_IP', 600, 0),
  rateLimitPerClient: envInt('RATE_LIMIT_PER_CLIENT', 300, 0),
  rateLimitWindowMs: envInt('RATE_LIMIT_WINDOW_MS', 60_000, 100),
  rateLimitRedisUrl: env.RATE_LIMIT_REDIS_URL || env.REDIS_URL || 'redis://127.0.0.1:6379/0',
  rateLimitPrefix: env.RATE_LIMIT_PREFIX || 'purra:router:rl:',
  csrfPrevention: envBool('CSRF_PREVENTION', true),
};
if (!['rust', 'js'].includes(settings.queryPlanner)) throw new Error(`QUERY_PLANNER: expected rust or js, got "${settings.queryPlanner}"`);

// ---------------------------------------------------------------------------------------
// subgraphs: names come from the supergraph (@join__graph), so a new subgraph needs no change
// here. <NAME>_URL overrides the URL composed into the supergraph (docker/k8s), and
// <NAME>_TIMEOUT_MS overrides SUBGRAPH_TIMEOUT_MS for that subgraph.
function supergraphPathFromArgs() {
  const argv = process.argv;
  const i = argv.indexOf('supergraph');
  if (i >= 0 && argv[i + 1] && !argv[i + 1].startsWith('-')) return path.resolve(argv[i + 1]);
  return path.resolve(env.SUPERGRAPH_PATH || path.join(here, '..', 'supergraph', 'supergraph.graphql'));
}
function subgraphNames() {
  const names = new Set();
  const file = supergraphPathFromArgs();
  if (existsSync(file)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/@join__graph\(\s*name:\s*"([^"]+)"/g)) names.add(m[1]);
  }
  const list = path.join(here, '..', 'supergraph', 'subgraphs.json');
  if (existsSync(list)) {
    try { for (const s of JSON.parse(readFileSync(list, 'utf8'))) if (s?.name) names.add(s.name); } catch { /* ignore */ }
  }
  return [...names];
}
const subgraphs = subgraphNames();
const serviceToken = serviceTokenSigner({ service: 'router', pem: env.SERVICE_TOKEN_KEY });

// Hive Gateway watches the supergraph file itself, but its watcher stops for good when the
// file is replaced by a rename, which is how compose.mjs writes it (atomically). Watch the
// directory instead and ask the gateway to reload through the message it already handles
// ('invalidateUnifiedGraph', the same one it sends to forked workers). An unchanged schema
// is detected by the gateway and not rebuilt.
function watchSupergraph(file) {
  const hashOf = () => {
    try { return createHash('sha256').update(readFileSync(file)).digest('hex'); } catch { return null; }
  };
  let last = hashOf();
  let timer;
  try {
    const watcher = watch(path.dirname(file), (_event, filename) => {
      if (filename && filename !== path.basename(file)) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const h = hashOf();
        if (!h || h === last) return;
        last = h;
        log.info({ path: file }, 'supergraph file replaced: reloading');
        process.emit('message', 'invalidateUnifiedGraph');
      }, 250);
    });
    watcher.unref();
    watcher.on('error', (err) => log.warn({ err, path: file }, 'supergraph directory watcher failed'));
  } catch (err) {
    log.warn({ err, path: file }, 'cannot watch the supergraph directory: restart the router after recomposing');
  }
}
if (settings.watchSupergraph && existsSync(supergraphPathFromArgs())) watchSupergraph(supergraphPathFromArgs());

// ---------------------------------------------------------------------------------------
// header helpers: HTTP clients send headers; websocket clients send connectionParams
// (graphql-ws), e.g. { Authorization: 'Bearer …', 'x-client-name': 'purra-mobile' }.
function fromParams(params, name) {
  if (!params || typeof params !== 'object') return undefined;
  for (const k of Object.keys(params)) {
    if (k.toLowerCase() === name && typeof params[k] === 'string' && params[k]) return params[k];
  }
  return undefined;
}
function clientHeader(name, request, context) {
  return (
    fromParams(context?.connectionParams, name) ||
    request?.headers?.get(name) ||
    fromParams(context?.headers, name) ||
    undefined
  );
}
/** `Authorization` as the subgraphs expect it; accepts a bare token in connectionParams too. */
function authorizationOf(request, context) {
  const raw = clientHeader('authorization', request, context) || fromParams(context?.connectionParams, 'authtoken') || fromParams(context?.connectionParams, 'token');
  if (!raw) return undefined;
  return /^(bearer|basic)\s/i.test(raw) ? raw : `Bearer ${raw}`;
}
// clientIpOf is the shopper's address as far as we can trust it: the entry
// our own proxies added to X-Forwarded-For, or the TCP peer. Whatever the
// client itself put there is ignored, so nobody can pick their own
// rate-limit bucket in the subgraphs.
function clientIpOf(request, context) {
  const peer = context?.req?.socket?.remoteAddress ?? context?.request?.socket?.remoteAddress;
  const hops = settings.trustedProxyHops;
  const xff = request?.headers?.get?.('x-forwarded-for');
  if (hops > 0 && xff) {
    const parts = xff.split(',').map((p) => p.trim()).filter(Boolean);
    if (parts.length >= hops) return parts[parts.length - hops];
  }
  return peer;
}

// Error codes the subgraphs give for the client's own mistakes. Their message
// is meant for the client (platform/errs), so the router passes them through
// on every transport; anything else stays masked as "Unexpected error.". Over
// subscriptions the subgraph's error arrives wrapped, which Yoga's default
// mask would hide even when it is a plain FORBIDDEN.
const CLIENT_ERROR_CODES = new Set([
  'BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED',
  'SERVICE_UNAVAILABLE', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED',
  'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_ONLY', 'PERSISTED_QUERY_ID_REQUIRED', 'GATEWAY_TIMEOUT',
  'ALIAS_LIMIT_EXCEEDED', 'COST_LIMIT_EXCEEDED',
]);

function codedClientError(error) {
  for (let e = error, depth = 0; e && depth < 5; e = e.originalError ?? e.cause, depth++) {
    const code = e.extensions?.code;
    if (typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) return e;
  }
  return undefined;
}

// A subgraph that cannot be reached (down, restarting, refusing connections)
// is a failure the client can retry: SERVICE_UNAVAILABLE, naming the subgraph
// only outside production.
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
  'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_CLOSED']);
const UNREACHABLE_MESSAGE = /ECONNREFUSED|ECONNRESET|socket hang up|other side closed|fetch failed|connect ETIMEDOUT|EHOSTUNREACH/i;
function unreachableSubgraph(error) {
  let subgraph;
  const seen = new Set();
  const stack = [error];
  while (stack.length) {
    const e = stack.pop();
    if (!e || typeof e !== 'object' || seen.has(e) || seen.size > 20) continue;
    seen.add(e);
    subgraph ??= e.extensions?.subgraphName ?? e.extensions?.serviceName;
    const status = e.extensions?.response?.status ?? e.extensions?.http?.status;
    if (UNREACHABLE_CODES.has(e.code) || UNREACHABLE_MESSAGE.test(String(e.message ?? '')) || status === 502 || status === 503) {
      return { subgraph: subgraph ?? subgraphFromUrl(e) };
    }
    stack.push(e.originalError, e.cause, ...(Array.isArray(e.errors) ? e.errors : []));
  }
  return undefined;
}
function subgraphFromUrl(e) {
  const url = e?.extensions?.request?.endpoint ?? e?.extensions?.request?.url;
  if (!url) return undefined;
  return subgraphs.find((name) => (urlOverrides[name] ?? '').startsWith(url) || url.includes(`/${name}`));
}
function unavailableError(error, unreachable) {
  const name = !production && unreachable.subgraph ? ` (${unreachable.subgraph})` : '';
  const extensions = { code: 'SERVICE_UNAVAILABLE', retryable: true };
  if (!production && unreachable.subgraph) extensions.subgraph = unreachable.subgraph;
  return new GraphQLError(`A service this request needs is unavailable${name}; retry shortly`, { path: error?.path, extensions });
}

// graphql-js refusing a variable's value (an unknown input field, a missing
// required one, a wrong type) reaches the mask as an uncoded error: it is the
// client's mistake, BAD_USER_INPUT naming the variable's path.
function variableError(error) {
  const m = /^Variable "\$(\w+)" got invalid value .*?; (.*)$/s.exec(String(error?.message ?? ''));
  if (!m) return undefined;
  const [, variable, detail] = m;
  const at = /at "([^"]+)"/.exec(String(error.message));
  const unknown = /^Field "(\w+)" is not defined by type/.exec(detail);
  const missing = /^Field "(\w+)" of required type .* was not provided/.exec(detail);
  let field = at ? at[1] : variable;
  if (unknown || missing) field += `.${(unknown ?? missing)[1]}`;
  return new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'BAD_USER_INPUT', field } });
}

function maskError(error, message) {
  const coded = codedClientError(error);
  if (!coded) {
    const invalidVariable = variableError(error);
    if (invalidVariable) return invalidVariable;
    const unreachable = unreachableSubgraph(error);
    if (unreachable) return unavailableError(error, unreachable);
  }
  if (coded) {
    const { code, field, reason } = coded.extensions;
    const extensions = { code };
    if (field !== undefined) extensions.field = field;
    if (reason !== undefined) extensions.reason = reason;
    const http = coded.extensions.http ?? error.extensions?.http; // e.g. 504 for GATEWAY_TIMEOUT
    if (http !== undefined) extensions.http = http;
    return new GraphQLError(coded.message, { path: error.path, nodes: error.nodes, extensions });
  }
  if (error instanceof GraphQLError && error.originalError == null) return error; // the gateway's own
  return new GraphQLError(message, { path: error?.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

function clientNameOf(request, context) {
  return clientHeader('x-client-name', request, context) || clientHeader('apollographql-client-name', request, context);
}
function isMobile(request, context) {
  const name = clientNameOf(request, context);
  return !!name && settings.mobileClientNames.includes(name.toLowerCase());
}

const logContext = new WeakMap(); // request -> { start, operationName, documentId } (access log)

// ---------------------------------------------------------------------------------------
// persisted operations: router/persisted-operations.json = { "<sha256 hex>": "<document>" }
// built by supergraph/persisted.mjs.
const persisted = new Map();
if (existsSync(settings.persistedOperationsPath)) {
  const manifest = JSON.parse(readFileSync(settings.persistedOperationsPath, 'utf8'));
  for (const [id, doc] of Object.entries(manifest)) persisted.set(id.toLowerCase(), doc);
} else if (!settings.allowArbitraryOperations) {
  throw new Error(`ALLOW_ARBITRARY_OPERATIONS=false but the persisted operations manifest ${settings.persistedOperationsPath} does not exist`);
} else {
  log.warn({ path: settings.persistedOperationsPath }, 'persisted operations manifest not found: no persisted operation will be served');
}
const persistedDocuments = new Set(persisted.values());

function normaliseId(id) {
  if (typeof id !== 'string') return null;
  const v = id.trim().toLowerCase().replace(/^sha256:/, '');
  return v || null;
}
/** documentId (POST body or GET ?documentId=) or Apollo's extensions.persistedQuery.sha256Hash. */
function extractPersistedOperationId(params, request) {
  const id = extractId(params, request);
  const entry = id && request ? logContext.get(request) : undefined;
  if (entry) entry.documentId = id;
  return id;
}
function extractId(params, request) {
  if (typeof params?.documentId === 'string') return normaliseId(params.documentId);
  const pq = params?.extensions?.persistedQuery;
  if (pq && typeof pq === 'object' && typeof pq.sha256Hash === 'string') return normaliseId(pq.sha256Hash);
  try {
    const fromQuery = new URL(request.url).searchParams.get('documentId');
    if (fromQuery) return normaliseId(fromQuery);
  } catch { /* request without a URL (websocket) */ }
  return null;
}
const allowArbitrary = (request, context) => settings.allowArbitraryOperations && !isMobile(request, context);
const persistedOnlyError = () => ({
  message: 'Only persisted operations are allowed for this client: send documentId or extensions.persistedQuery.sha256Hash',
  extensions: { code: 'PERSISTED_QUERY_ONLY' },
});

// ---------------------------------------------------------------------------------------
// plugins

const rateLimiter = createRateLimiter({
  url: settings.rateLimitRedisUrl, prefix: settings.rateLimitPrefix, perIp: settings.rateLimitPerIp,
  perClient: settings.rateLimitPerClient, windowMs: settings.rateLimitWindowMs, log,
});
const UNLIMITED_PATHS = new Set(['/healthz', '/healthcheck', '/readiness']);

function errorResponse(fetchAPI, status, code, message, headers = {}) {
  return new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

function usePurra() {
  return {
    async onRequest({ request, url, endResponse, fetchAPI, serverContext }) {
      if (url.pathname === '/healthz') {
        endResponse(new fetchAPI.Response('{"status":"ok"}', { status: 200, headers: { 'content-type': 'application/json' } }));
        return;
      }
      if (settings.accessLog) logContext.set(request, { start: performance.now() });
      if (UNLIMITED_PATHS.has(url.pathname) || request.method === 'OPTIONS') return;
      // The body limit needs the length up front: a body without one
      // (chunked) cannot be bounded before it is read.
      if (request.method === 'POST') {
        const length = request.headers.get('content-length');
        if (length == null) {
          endResponse(errorResponse(fetchAPI, 411, 'LENGTH_REQUIRED', 'Send Content-Length with the request body'));
          return;
        }
        if (!(Number(length) <= settings.maxBodyBytes)) {
          endResponse(errorResponse(fetchAPI, 413, 'PAYLOAD_TOO_LARGE', `Request body over ${settings.maxBodyBytes} bytes`));
          return;
        }
      }
      if (rateLimiter) {
        const verdict = await rateLimiter.hit({ ip: clientIpOf(request, serverContext), credential: request.headers.get('authorization') });
        if (verdict.limited) {
          endResponse(errorResponse(fetchAPI, 429, 'RATE_LIMITED', `Too many requests (per ${verdict.bucket === 'ip' ? 'address' : 'client'}); retry after ${verdict.retryAfterS} s`,
            { 'retry-after': String(verdict.retryAfterS) }));
        }
      }
    },
    onParams({ params, request, context, setResult }) {
      const entry = logContext.get(request);
      if (entry) {
        entry.operationName =
          params.operationName ||
          (entry.documentId && typeof params.query === 'string' ? /^\s*(?:query|mutation|subscription)\s+(\w+)/.exec(params.query)?.[1] : undefined);
      }
      // Second line of defence (the persisted-documents plugin only sees the HTTP request):
      // a mobile client identified through websocket connectionParams, or any client when
      // arbitrary operations are off, may only run documents from the manifest.
      if (params.query && !allowArbitrary(request, context) && !persistedDocuments.has(params.query)) {
        const e = persistedOnlyError();
        setResult({ errors: [new GraphQLError(e.message, { extensions: e.extensions })] });
      }
    },
    onExecutionResult({ result, setResult }) {
      if (settings.exposeSubgraphErrorDetails) return;
      if (result && typeof result[Symbol.asyncIterator] === 'function') {
        return { onNext: ({ result: r, setResult: set }) => stripSubgraphDetails(r, set) };
      }
      stripSubgraphDetails(result, setResult);
    },
    onResponse({ request, response, serverContext }) {
      // the allowed origin is computed per request: caches must key on it
      if (request.headers.has('origin')) response.headers.append('vary', 'Origin');
      securityHeaders(response.headers);
      const entry = logContext.get(request);
      if (!entry) return;
      logContext.delete(request);
      const url = new URL(request.url);
      (serverContext?.log || log).info(
        {
          method: request.method,
          path: url.pathname,
          status: response.status,
          durationMs: Math.round((performance.now() - entry.start) * 10) / 10,
          operationName: entry.operationName || undefined,
          documentId: entry.documentId,
          client: clientNameOf(request) || undefined,
        },
        'request',
      );
    },
  };
}

// Security headers on every response. The Laboratory page (HTML) loads its
// scripts and styles from a CDN, so only JSON responses get the strict CSP.
function securityHeaders(headers) {
  const set = (k, v) => { if (!headers.has(k)) headers.set(k, v); };
  set('x-content-type-options', 'nosniff');
  set('referrer-policy', 'no-referrer');
  set('x-frame-options', 'DENY');
  set('cross-origin-resource-policy', 'same-site');
  if (!(headers.get('content-type') || '').includes('text/html')) set('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
  if (production) set('strict-transport-security', 'max-age=31536000; includeSubDomains');
}

// Subgraph/timeout errors carry the internal subgraph request (URL, body) in
// extensions.request/response: useful in development, a leak in production.
const hasDetails = (e) => !!e?.extensions && ('request' in e.extensions || 'response' in e.extensions);
function stripSubgraphDetails(result, setResult) {
  if (!result || !Array.isArray(result.errors) || !result.errors.some(hasDetails)) return;
  setResult({
    ...result,
    errors: result.errors.map((e) => {
      if (!hasDetails(e)) return e;
      const { request: _req, response: _res, ...extensions } = e.extensions;
      return new GraphQLError(e.message, { path: e.path, extensions });
    }),
  });
}

// log once that the Rust planner is really what builds the executable graph
let plannerLogged = false;
const unifiedGraphHandler =
  settings.queryPlanner === 'rust'
    ? (opts) => {
        if (!plannerLogged) {
          plannerLogged = true;
          log.info({ runtime: '@graphql-hive/router-runtime' }, 'query planner: Hive Router runtime (Rust query planner)');
        }
        return routerRuntimeHandler(opts);
      }
    : undefined;

// ---------------------------------------------------------------------------------------
// CORS
function originAllowed(origin) {
  if (!origin) return false;
  if (settings.corsOrigins === null) {
    return /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i.test(origin);
  }
  return settings.corsOrigins.some((allowed) => {
    if (allowed === '*') return true;
    if (!allowed.includes('*')) return allowed.replace(/\/$/, '') === origin;
    const re = new RegExp('^' + allowed.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*') + '$', 'i');
    return re.test(origin);
  });
}

// ---------------------------------------------------------------------------------------
// transport entries: websocket subscriptions to every subgraph + URL overrides
const wsSubscriptions = {
  kind: 'ws',
  location: '/graphql',
  // headers of the websocket upgrade request to the subgraph (interpolated per operation;
  // one upstream connection per distinct set of values)
  headers: [
    ['authorization', '{context.purra.authorization}'],
    ['x-client-name', '{context.purra.clientName}'],
  ],
  options: {
    connectionParams: {
      Authorization: '{context.purra.authorization}',
    },
  },
};
const transportEntries = {
  '*.http': { options: { subscriptions: wsSubscriptions } },
};
const urlOverrides = {};
for (const name of subgraphs) {
  // the websocket upgrade to each subgraph carries the router's credential for that subgraph
  const subscriptions = { ...wsSubscriptions, headers: [...wsSubscriptions.headers, [SERVICE_HEADER, `{context.purra.serviceTokens.${name}}`]] };
  transportEntries[name] = { options: { subscriptions } };
  const url = env[`${envKey(name)}_URL`];
  if (url) {
    try { new URL(url); } catch { throw new Error(`${envKey(name)}_URL: not a URL: "${url}"`); }
    transportEntries[name].location = url;
    urlOverrides[name] = url;
  }
}

function timeoutFor(subgraphName) {
  const v = subgraphName ? env[`${envKey(subgraphName)}_TIMEOUT_MS`] : undefined;
  if (v) return envInt(`${envKey(subgraphName)}_TIMEOUT_MS`, settings.subgraphTimeoutMs, 0);
  return settings.subgraphTimeoutMs;
}

log.info(
  {
    port: settings.port,
    queryPlanner: settings.queryPlanner === 'rust' ? '@graphql-hive/router-runtime' : 'default (JS)',
    subgraphs,
    urlOverrides,
    subgraphTimeoutMs: settings.subgraphTimeoutMs,
    maxDepth: settings.maxDepth,
    maxTokens: settings.maxTokens,
    maxAliases: settings.maxAliases,
    maxCost: settings.maxCost,
    maxBodyBytes: settings.maxBodyBytes,
    rateLimit: rateLimiter ? { perIp: settings.rateLimitPerIp, perClient: settings.rateLimitPerClient, windowMs: settings.rateLimitWindowMs } : 'off',
    csrfPrevention: settings.csrfPrevention,
    production,
    playground: settings.playground,
    introspection: settings.introspection,
    allowArbitraryOperations: settings.allowArbitraryOperations,
    mobileClientNames: settings.mobileClientNames,
    persistedOperations: persisted.size,
    cors: settings.corsOrigins ?? 'localhost',
  },
  'purra router configuration',
);

// {context.purra.serviceTokens.<subgraph>}: the router's current token for that subgraph,
// signed (or taken from the cache) only when a websocket to it is opened.
const serviceTokensView = Object.defineProperties({}, Object.fromEntries(
  subgraphs.map((name) => [name, { enumerable: true, get: () => serviceToken(name) }]),
));

// ---------------------------------------------------------------------------------------
export const gatewayConfig = {
  logging: log,
  port: settings.port,
  host: settings.host,
  graphqlEndpoint: '/graphql',
  // /healthcheck (liveness) and /readiness (supergraph loaded) are built in; /healthz is ours.
  healthCheckEndpoint: '/healthcheck',
  readinessCheckEndpoint: '/readiness',

  ...(unifiedGraphHandler ? { unifiedGraphHandler } : {}),

  graphiql: settings.playground ? playgroundOptions('Purra GraphQL') : false,
  landingPage: settings.playground,
  disableIntrospection: settings.introspection ? undefined : {},
  blockFieldSuggestions: !settings.introspection,

  cors: (request) => {
    const origin = request.headers.get('origin');
    if (!originAllowed(origin)) return false;
    return {
      origin,
      credentials: true,
      methods: ['GET', 'POST', 'OPTIONS'],
      exposedHeaders: ['x-request-id'],
      maxAge: 600,
    };
  },

  maxDepth: settings.maxDepth,
  maxTokens: settings.maxTokens,

  // A browser sends a "simple" request (GET, or a form/text POST) to any
  // site without a CORS preflight: such a request must carry one of these
  // headers, which a page on another origin cannot add without a preflight.
  csrfPrevention: settings.csrfPrevention
    ? { requestHeaders: ['x-purra-csrf', 'apollo-require-preflight', 'x-apollo-operation-name', 'graphql-preflight', 'x-client-name', 'authorization'] }
    : undefined,

  // x-request-id: taken from the client or generated, sent to every HTTP subgraph request
  // and returned in the response (built-in requestId plugin).
  requestId: { headerName: 'x-request-id', generateRequestId: () => randomUUID() },

  propagateHeaders: {
    fromClientToSubgraphs({ request, context, subgraphName }) {
      return {
        [SERVICE_HEADER]: subgraphName ? serviceToken(subgraphName) : undefined,
        authorization: authorizationOf(request, context),
        'x-forwarded-for': clientIpOf(request, context),
        'x-client-name': clientNameOf(request, context),
        'apollographql-client-name': clientHeader('apollographql-client-name', request, context),
        'apollographql-client-version': clientHeader('apollographql-client-version', request, context),
      };
    },
  },

  upstreamTimeout({ subgraphName, executionRequest }) {
    const op = executionRequest?.operationType ?? (executionRequest?.document && getOperationAST(executionRequest.document, executionRequest.operationName)?.operation);
    if (op === 'subscription') return undefined; // long-lived: never time out
    return timeoutFor(subgraphName) || undefined;
  },

  transportEntries,

  // Anonymous shoppers all see the same product pages and search results, so
  // the router keeps their responses for a few seconds. A signed-in caller may
  // see more (retailer prices, personal fields, their orders): subgraphs answer
  // such requests with `Cache-Control: private, max-age=0`, which the cache
  // honours, and entries are keyed by the caller's token, so a signed-in
  // request never reads or leaves a shared entry. A mutation through the router
  // evicts every cached response that contains an entity it returned (e.g. the
  // ProductVariant whose price changed), whoever sent it.
  responseCaching: settings.responseCacheTtlMs > 0 ? {
    session: (request) => request?.headers?.get?.('authorization') || null,
    ttl: settings.responseCacheTtlMs,
    invalidateViaMutation: true,
    includeExtensionMetadata: false,
  } : undefined,
  ...(settings.responseCacheRedisUrl
    // No keyPrefix: the response-cache adapter does not round-trip prefixed
    // keys when it invalidates. Give the router a Redis database of its own.
    ? { cache: { type: 'redis', url: settings.responseCacheRedisUrl } }
    : {}),

  maskedErrors: { maskError },

  persistedDocuments: {
    getPersistedOperation: (id) => persisted.get(normaliseId(id)) ?? null,
    extractPersistedOperationId,
    allowArbitraryDocuments: (request) => allowArbitrary(request, undefined),
    customErrors: {
      notFound: {
        message: 'PersistedQueryNotFound',
        extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
      },
      persistedQueryOnly: persistedOnlyError(),
      keyNotFound: {
        message: 'Send a query, documentId or extensions.persistedQuery.sha256Hash',
        extensions: { code: 'PERSISTED_QUERY_ID_REQUIRED' },
      },
    },
  },

  plugins: (ctx) => [
    usePurra(),
    useOperationLimits({ maxAliases: settings.maxAliases, maxCost: settings.maxCost, defaultListSize: settings.defaultListSize }),
    {
      // values interpolated into the websocket transport headers / connectionParams above
      onContextBuilding({ context, extendContext }) {
        const request = context.request;
        extendContext({
          purra: {
            authorization: authorizationOf(request, context) || '',
            clientName: clientNameOf(request, context) || '',
            serviceTokens: serviceTokensView,
          },
        });
      },
    },
  ],
};
