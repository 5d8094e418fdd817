#!/usr/bin/env node
// Prints the JavaScript the home page loads before it renders (the entry
// chunk and the chunks it imports statically, plus the home route's chunk),
// gzipped, and fails the build above the budget of 200 kB.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifest = JSON.parse(readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8'));
const BUDGET = 200 * 1024;
const seen = new Set();
function walk(key) {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return;
  seen.add(chunk.file);
  for (const imp of chunk.imports ?? []) walk(imp);
}
const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
walk(entry);
const home = Object.keys(manifest).find((k) => k.endsWith('pages/Home.tsx'));
if (home) walk(home);
let total = 0;
for (const file of seen) total += gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
const kb = (total / 1024).toFixed(1);
console.log(`home page initial JavaScript: ${kb} kB gzipped in ${seen.size} files (budget 200 kB)`);
if (total > BUDGET) {
  console.error('over the budget: split the code or drop a dependency');
  process.exit(1);
}
