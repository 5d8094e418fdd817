#!/usr/bin/env node
// The storefront's browser tests: start the stack as `make run` does, with
// the router in persisted-only mode (ALLOW_ARBITRARY_OPERATIONS=false: the
// storefront sends only document ids, so every scenario must still pass),
// run the scenarios in Chromium, stop the stack. Wrap in the shared lock:
//   flock /tmp/purra-stack.lock node web/storefront/e2e/run.mjs
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStack } from './stack.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const started = Date.now();
const stack = await startStack({ ALLOW_ARBITRARY_OPERATIONS: 'false' });
console.log(`stack up in ${Math.round((Date.now() - started) / 1000)} s`);
let code = 1;
try {
  const only = process.argv.slice(2);
  const r = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...(only.length ? ['--test-name-pattern', only.join('|')] : []), path.join(here, 'storefront.test.mjs')], { stdio: 'inherit' });
  code = r.status ?? 1;
} finally {
  await stack.stop();
}
process.exit(code);
