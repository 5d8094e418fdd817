#!/usr/bin/env node
// Builds the persisted-operations manifest served by the router:
//   router/persisted-operations.json = { "<sha256 hex of the document text>": "<document text>" }
// from every operations/**/*.graphql file (one operation per file, named like the file;
// <Name>.<tag>.graphql keeps an older text of <Name> that released apps still send).
//
// Each document is validated against the API schema of supergraph/supergraph.graphql (so run
// compose first) and against the router's limits (depth, tokens); any failure exits 1.
//
//   node persisted.mjs                    write the manifest (atomically)
//   node persisted.mjs --check            exit 1 if the committed manifest is stale
//   node persisted.mjs --operations DIR   (default <repo>/operations)
//   node persisted.mjs --supergraph FILE  (default supergraph/supergraph.graphql)
//   node persisted.mjs --out FILE         (default router/persisted-operations.json)
//   node persisted.mjs --max-depth N --max-tokens N   (default env MAX_DEPTH/MAX_TOKENS or 12/2000)
//
// The document text is the file content with CRLF turned into LF and surrounding whitespace
// trimmed; a client sending the full text can compute the same id: sha256(text) in hex.
import { readFile, readdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, buildASTSchema, validate, Kind } from 'graphql';
import { transformSupergraphToPublicSchema } from '@theguild/federation-composition';
import { writeAtomic } from './compose.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');

function displayPath(p, base = process.cwd()) {
  const r = path.relative(base, p);
  return r && !r.startsWith('..') ? r : p;
}

function usage(msg) {
  if (msg) console.error(`persisted: ${msg}`);
  console.error('usage: node persisted.mjs [--check] [--operations DIR] [--supergraph FILE] [--out FILE] [--max-depth N] [--max-tokens N]');
  process.exit(msg ? 1 : 0);
}

function parseArgs(argv) {
  const opts = {
    check: false,
    operationsDir: path.join(repoRoot, 'operations'),
    supergraph: path.join(here, 'supergraph.graphql'),
    out: path.join(repoRoot, 'router', 'persisted-operations.json'),
    maxDepth: Number(process.env.MAX_DEPTH || 12),
    maxTokens: Number(process.env.MAX_TOKENS || 2000),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') usage(`${flag} needs a value`);
      return v;
    };
    const int = () => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) usage(`${flag} needs a positive integer`);
      return n;
    };
    switch (flag) {
      case '--check': opts.check = true; break;
      case '--operations': opts.operationsDir = path.resolve(value()); break;
      case '--supergraph': opts.supergraph = path.resolve(value()); break;
      case '--out': opts.out = path.resolve(value()); break;
      case '--max-depth': opts.maxDepth = int(); break;
      case '--max-tokens': opts.maxTokens = int(); break;
      case '-h': case '--help': usage(); break;
      default: usage(`unknown argument ${a}`);
    }
  }
  return opts;
}

async function listGraphqlFiles(dir) {
  const out = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    if (err.code === 'ENOENT') return out;
    throw err;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listGraphqlFiles(p)));
    else if (e.isFile() && e.name.endsWith('.graphql')) out.push(p);
  }
  return out;
}

/** Same counting as graphql-armor max-depth (used by the router): fields and fragments nest. */
function depthOf(doc) {
  const fragments = new Map(doc.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const count = (node, parent, seen) => {
    if (node.kind === Kind.FIELD && node.name.value === '__schema') return 0;
    let depth = parent;
    if (node.selectionSet) {
      for (const child of node.selectionSet.selections) depth = Math.max(depth, count(child, parent + 1, seen));
    } else if (node.kind === Kind.FRAGMENT_SPREAD) {
      const f = fragments.get(node.name.value);
      if (f && !seen.has(f.name.value)) depth = Math.max(depth, parent + 1 + count(f, 0, new Set([...seen, f.name.value])));
    }
    return depth;
  };
  return Math.max(0, ...doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).map((op) => count(op, 0, new Set())));
}

export async function loadApiSchema(supergraphFile) {
  let sdl;
  try {
    sdl = await readFile(supergraphFile, 'utf8');
  } catch (err) {
    throw new Error(`cannot read supergraph ${supergraphFile} (run compose first): ${err.message}`);
  }
  const publicDoc = transformSupergraphToPublicSchema(parse(sdl));
  return buildASTSchema(publicDoc, { assumeValidSDL: false });
}

export async function buildManifest(opts) {
  const schema = await loadApiSchema(opts.supergraph);
  const files = (await listGraphqlFiles(opts.operationsDir)).sort();
  const problems = [];
  const manifest = {};
  const names = new Map();
  for (const file of files) {
    const rel = displayPath(file, repoRoot);
    const text = (await readFile(file, 'utf8')).replace(/\r\n/g, '\n').trim();
    let doc;
    try {
      doc = parse(text, { maxTokens: opts.maxTokens });
    } catch (err) {
      problems.push(`${rel}: ${err.message}`);
      continue;
    }
    const ops = doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    if (ops.length !== 1) {
      problems.push(`${rel}: expected exactly one operation, found ${ops.length}`);
      continue;
    }
    const op = ops[0];
    // <Name>.graphql, or <Name>.<tag>.graphql for an older text of the same operation that
    // released apps still send (e.g. ProductBySlug.v1.graphql).
    const base = path.basename(file, '.graphql');
    const expected = base.split('.')[0];
    const tagged = base.includes('.');
    if (!op.name) {
      problems.push(`${rel}: the operation must be named (${op.operation} ${expected} …)`);
      continue;
    }
    if (op.name.value !== expected) problems.push(`${rel}: operation is named "${op.name.value}" but the file is ${base}.graphql`);
    if (!tagged) {
      if (names.has(op.name.value)) problems.push(`${rel}: operation name "${op.name.value}" already used by ${names.get(op.name.value)}`);
      names.set(op.name.value, rel);
    }
    for (const e of validate(schema, doc)) {
      const loc = e.locations?.[0] ? `:${e.locations[0].line}:${e.locations[0].column}` : '';
      problems.push(`${rel}${loc}: ${e.message}`);
    }
    const depth = depthOf(doc);
    if (depth > opts.maxDepth) problems.push(`${rel}: depth ${depth} exceeds the router's limit ${opts.maxDepth}`);
    const id = createHash('sha256').update(text, 'utf8').digest('hex');
    if (manifest[id] !== undefined) problems.push(`${rel}: same document text as another file`);
    manifest[id] = text;
  }
  return { manifest, files, problems };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  let result;
  try {
    result = await buildManifest(opts);
  } catch (err) {
    console.error(`persisted: ${err.message}`);
    process.exit(1);
  }
  const { manifest, files, problems } = result;
  if (problems.length) {
    console.error(`persisted: ${problems.length} problem(s) in ${displayPath(opts.operationsDir)}:`);
    for (const p of problems) console.error(`  - ${p}`);
    process.exit(1);
  }
  if (files.length === 0) console.error(`persisted: warning: no .graphql file under ${opts.operationsDir}`);
  const content = JSON.stringify(manifest, null, 2) + '\n';
  const rel = displayPath(opts.out);
  const current = await readFile(opts.out, 'utf8').catch(() => null);
  if (opts.check) {
    if (current !== content) {
      console.error(`persisted --check: ${rel} is ${current === null ? 'missing' : 'STALE'}: run \`make persisted\` (node supergraph/persisted.mjs) and commit it`);
      process.exit(1);
    }
    console.log(`persisted --check: ${rel} is up to date (${files.length} operations)`);
    return;
  }
  if (current === content) {
    console.log(`persisted: ${rel} unchanged (${files.length} operations)`);
    return;
  }
  await writeAtomic(opts.out, content);
  console.log(`persisted: wrote ${rel} (${files.length} operations)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
