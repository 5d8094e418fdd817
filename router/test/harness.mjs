// Starts the real hive-gateway CLI with gateway.config.mjs on a free port, in front of the
// fixture supergraph (test/fixtures/supergraph.graphql).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { generateKeyPairSync } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const routerDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const supergraph = path.join(routerDir, 'test', 'fixtures', 'supergraph.graphql');

// The router's service key for these tests (it refuses to start without one); the fake
// subgraphs check the tokens it sends with the public half.
export const routerKey = generateKeyPairSync('ed25519');
const SERVICE_TOKEN_KEY = routerKey.privateKey.export({ type: 'pkcs8', format: 'pem' });

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export async function startGateway(env) {
  const port = await freePort();
  const child = spawn(process.execPath, ['node_modules/.bin/hive-gateway', 'supergraph', supergraph], {
    cwd: routerDir,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'info', ACCESS_LOG: 'false', SUPERGRAPH_WATCH: 'false', SERVICE_TOKEN_KEY, RATE_LIMIT_PER_IP: '0', RATE_LIMIT_PER_CLIENT: '0', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`gateway exited ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${base}/readiness`)).ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() - started > 90_000) {
      child.kill('SIGKILL');
      throw new Error(`gateway not ready after 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    url: `${base}/graphql`,
    ws: `ws://127.0.0.1:${port}/graphql`,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        const t = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

export async function gql(gw, body, headers = {}) {
  const res = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, headers: res.headers, json: await res.json() };
}

