// GraphQL through the storefront origin with persisted operations only, as
// the router in persisted-only mode demands: documents are sent by id.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './stack.mjs';
import { baseURL } from './browser.mjs';

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'router', 'persisted-operations.json'), 'utf8'));
const idByName = new Map();
for (const [id, text] of Object.entries(manifest)) {
  const m = /^\s*(?:query|mutation|subscription)\s+(\w+)/m.exec(text.replace(/^#.*$/gm, ''));
  if (m && !idByName.has(m[1])) idByName.set(m[1], id);
}

export async function gql(operationName, variables = {}, token) {
  const documentId = idByName.get(operationName);
  if (!documentId) throw new Error(`no persisted operation ${operationName}`);
  const res = await fetch(`${baseURL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ documentId, operationName, variables }),
  });
  return res.json();
}

export async function must(operationName, variables, token) {
  const r = await gql(operationName, variables, token);
  if (r.errors?.length) throw new Error(`${operationName}: ${JSON.stringify(r.errors)}`);
  return r.data;
}

export async function login(email, password = 'Purra@2026') {
  return (await must('Login', { input: { email, password } })).login.accessToken;
}

/** A document that is not in the manifest, sent as text. */
export async function arbitrary(query) {
  const res = await fetch(`${baseURL}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return res.json();
}
