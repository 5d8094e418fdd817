#!/usr/bin/env node
// Converts the router's persisted operations, router/persisted-operations.json
// ({ "<sha256 hex of document>": "<document>" }, built by supergraph/persisted.mjs), into
// Apollo's persisted query manifest for Apollo Router (persisted_queries.local_manifests):
//
//   { "format": "apollo-persisted-query-manifest", "version": 1,
//     "operations": [ { "id", "name", "type", "body" } ] }
//
// The ids stay the same, so a client sends the same extensions.persistedQuery.sha256Hash
// (or documentId for the Hive Gateway) to either router.
//
//   node deploy/apollo-router/pq-manifest.mjs            write persisted-query-manifest.json
//   node deploy/apollo-router/pq-manifest.mjs --check    exit 1 if it is stale (CI)
//   options: --in FILE, --out FILE, --no-verify (skip the sha256(body) == id check)
//
// No dependencies: documents are scanned with a small GraphQL lexer (comments, strings,
// block strings, nesting) to find each one's single operation and its type and name.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');

/** Top-level definitions of a GraphQL document: [{ kind: 'operation'|'fragment', type?, name? }]. */
export function definitions(doc) {
  const defs = [];
  let braces = 0;
  let parens = 0;
  let header = null; // the definition whose header (before its selection set) is being read
  let i = 0;
  const n = doc.length;
  while (i < n) {
    const c = doc[i];
    if (c === '#') { // comment to end of line
      while (i < n && doc[i] !== '\n' && doc[i] !== '\r') i++;
      continue;
    }
    if (c === '"') { // string or block string
      if (doc.startsWith('"""', i)) {
        i += 3;
        while (i < n && !doc.startsWith('"""', i)) i += doc.startsWith('\\"""', i) ? 4 : 1;
        if (i >= n) throw new Error('unterminated block string');
        i += 3;
      } else {
        i++;
        while (i < n && doc[i] !== '"') {
          if (doc[i] === '\n') throw new Error('unterminated string');
          i += doc[i] === '\\' ? 2 : 1;
        }
        if (i >= n) throw new Error('unterminated string');
        i++;
      }
      continue;
    }
    if (/[_A-Za-z]/.test(c)) {
      let j = i + 1;
      while (j < n && /[_0-9A-Za-z]/.test(doc[j])) j++;
      const word = doc.slice(i, j);
      i = j;
      if (braces === 0 && parens === 0) {
        if (!header && ['query', 'mutation', 'subscription'].includes(word)) {
          header = { kind: 'operation', type: word, name: undefined, expectName: true };
          defs.push(header);
        } else if (!header && word === 'fragment') {
          header = { kind: 'fragment', name: undefined, expectName: true };
          defs.push(header);
        } else if (header?.expectName) {
          header.name = word;
          header.expectName = false;
        } else if (!header) {
          throw new Error(`unexpected "${word}" at the top level`);
        }
      }
      continue;
    }
    if (c === '{') {
      if (braces === 0 && parens === 0) {
        if (!header) defs.push({ kind: 'operation', type: 'query', name: undefined }); // { ... } shorthand
        header = null;
      }
      braces++;
    } else if (c === '}') {
      braces--;
      if (braces < 0) throw new Error('unbalanced }');
    } else if (c === '(') {
      parens++;
      if (header) header.expectName = false;
    } else if (c === ')') {
      parens--;
      if (parens < 0) throw new Error('unbalanced )');
    } else if (c === '@' || c === '$' || c === ':') {
      if (header) header.expectName = false;
    }
    i++;
  }
  if (braces !== 0 || parens !== 0 || header) throw new Error('unbalanced document');
  return defs.map(({ expectName: _e, ...d }) => d);
}

/** The Apollo manifest for a { id: document } map. */
export function toApolloManifest(persisted, { verify = true } = {}) {
  const problems = [];
  const operations = [];
  for (const [rawId, body] of Object.entries(persisted)) {
    const id = rawId.toLowerCase().replace(/^sha256:/, '');
    const where = `${rawId.slice(0, 12)}…`;
    if (typeof body !== 'string' || body.trim() === '') {
      problems.push(`${where}: document is not a non-empty string`);
      continue;
    }
    if (!/^[0-9a-f]{64}$/.test(id)) problems.push(`${where}: id is not a sha256 hex digest`);
    if (verify) {
      const digest = createHash('sha256').update(body).digest('hex');
      if (digest !== id) problems.push(`${where}: sha256(document) is ${digest.slice(0, 12)}…, not the id`);
    }
    let defs;
    try {
      defs = definitions(body);
    } catch (err) {
      problems.push(`${where}: ${err.message}`);
      continue;
    }
    const ops = defs.filter((d) => d.kind === 'operation');
    if (ops.length !== 1) {
      problems.push(`${where}: expected exactly one operation, found ${ops.length}`);
      continue;
    }
    if (!ops[0].name) {
      problems.push(`${where}: the operation has no name (Apollo's manifest needs one)`);
      continue;
    }
    operations.push({ id, name: ops[0].name, type: ops[0].type, body });
  }
  const seen = new Set();
  for (const op of operations) {
    if (seen.has(op.id)) problems.push(`${op.name}: duplicate id ${op.id}`);
    seen.add(op.id);
  }
  operations.sort((a, b) => (a.name === b.name ? a.id.localeCompare(b.id) : a.name.localeCompare(b.name)));
  return { manifest: { format: 'apollo-persisted-query-manifest', version: 1, operations }, problems };
}

function main(argv) {
  const opt = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 ? path.resolve(argv[i + 1]) : fallback;
  };
  const input = opt('--in', path.join(root, 'router', 'persisted-operations.json'));
  const output = opt('--out', path.join(here, 'persisted-query-manifest.json'));
  const check = argv.includes('--check');
  const rel = (p) => path.relative(process.cwd(), p) || p;

  if (!existsSync(input)) {
    if (check && !existsSync(output)) {
      console.log(`${rel(input)} does not exist: no manifest to check`);
      return 0;
    }
    console.error(`${rel(input)} not found: build it first (node supergraph/persisted.mjs)`);
    return 1;
  }
  const { manifest, problems } = toApolloManifest(JSON.parse(readFileSync(input, 'utf8')), {
    verify: !argv.includes('--no-verify'),
  });
  if (problems.length) {
    console.error(`${rel(input)}: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    return 1;
  }
  const text = JSON.stringify(manifest, null, 2) + '\n';
  const current = existsSync(output) ? readFileSync(output, 'utf8') : null;
  if (check) {
    if (current !== text) {
      console.error(`${rel(output)} is stale: run node deploy/apollo-router/pq-manifest.mjs`);
      return 1;
    }
    console.log(`${rel(output)} is up to date (${manifest.operations.length} operations)`);
    return 0;
  }
  if (current !== text) {
    const tmp = path.join(path.dirname(output), `.${path.basename(output)}.tmp`);
    writeFileSync(tmp, text);
    renameSync(tmp, output);
  }
  console.log(`${rel(output)}: ${manifest.operations.length} operations`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
