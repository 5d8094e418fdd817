// Starts the system the way `make run` does (bin/stack run: embedded Kafka,
// every subgraph with its seed, the router, the storefront origin on :8080),
// on databases of its own, and stops it again.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export async function startStack(env = {}, timeoutMs = 15 * 60_000) {
  mkdirSync(path.join(repoRoot, '.run', 'logs'), { recursive: true });
  const logPath = path.join(repoRoot, '.run', 'logs', 'stack-browser-tests.log');
  const log = createWriteStream(logPath);
  const child = spawn(path.join(repoRoot, 'bin', 'stack'), ['run'], {
    cwd: repoRoot,
    env: { ...process.env, STACK_DB_PREFIX: 'purra_web_', REDIS_URL: 'redis://127.0.0.1:6379/2', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr.pipe(log);
  let out = '';
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`stack not up after ${timeoutMs / 1000}s (log: ${logPath})`)), timeoutMs);
    child.stdout.on('data', (b) => {
      log.write(b);
      out += b.toString();
      if (out.includes('Purra is up')) {
        clearTimeout(timer);
        resolve();
      }
    });
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`stack exited with ${code} before it was up (log: ${logPath})`));
    });
  });
  return {
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGINT'); // the stack stops the router, the subgraphs and the broker
      const timeout = setTimeout(() => child.kill('SIGKILL'), 60_000);
      await exited;
      clearTimeout(timeout);
      log.end();
    },
  };
}
