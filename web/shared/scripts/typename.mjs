// Normalized caches (graphcache, Apollo) need `__typename` on every object
// they store. The client sends only document ids, so the server runs the
// manifest's text as written: every selection set below the root must select
// __typename in the file itself. missingTypenames finds the ones that do not.
import { parse, visit, Kind } from 'graphql';

/** Offsets just after the `{` of each non-root selection set without __typename. */
export function missingTypenames(text) {
  const doc = parse(text);
  const out = [];
  visit(doc, {
    SelectionSet: {
      enter(node, _key, parent) {
        if (parent && parent.kind === Kind.OPERATION_DEFINITION) return; // Query/Mutation/Subscription root
        const has = node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename' && !s.alias);
        if (!has) out.push(node.loc.start + 1);
      },
    },
  });
  return out;
}

/** text with __typename added where it is missing (comments and layout kept). */
export function addTypenames(text) {
  let out = text;
  for (const at of missingTypenames(text).sort((a, b) => b - a)) {
    // A selection set over several lines gets __typename on a line of its own.
    const nextLine = /^\n([ \t]*)/.exec(out.slice(at));
    const insert = nextLine ? `\n${nextLine[1]}__typename` : ' __typename';
    out = `${out.slice(0, at)}${insert}${out.slice(at)}`;
  }
  return out;
}

// node shared/scripts/typename.mjs [--fix]: check (or fix) operations/storefront.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const storefrontOperations = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'operations', 'storefront');

/** Files of dir whose selection sets lack __typename (fixed in place when fix). */
export function checkTypenames(dir = storefrontOperations, fix = false) {
  const bad = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.graphql')).sort()) {
    const p = path.join(dir, f);
    const text = readFileSync(p, 'utf8');
    if (missingTypenames(text).length === 0) continue;
    if (fix) writeFileSync(p, addTypenames(text));
    else bad.push(f);
  }
  return bad;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const bad = checkTypenames(storefrontOperations, process.argv.includes('--fix'));
  if (bad.length) {
    console.error(`selection sets without __typename in operations/storefront: ${bad.join(', ')}\nrun: node web/shared/scripts/typename.mjs --fix`);
    process.exit(1);
  }
}
