// What the Playground (GraphiQL at /graphql) opens with: the README's first
// query, so a newcomer runs something that works, with the steps to sign in.
// The text is read from the README at startup, so the two never disagree.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

const intro = `# Welcome to Purra's GraphQL API.
#
# 1. Run the login mutation below (the ▶ button offers both operations).
# 2. Copy "accessToken" from the answer into the Headers tab (bottom left):
#      { "Authorization": "Bearer <accessToken>" }
# 3. Run the query: your profile, addresses and a product search.
#
# The documents the apps ship are in operations/ in the repository.
`;

/** The first graphql block of README.md, or null when there is no README (e.g. a container image). */
export function readmeFirstQuery(readme = path.join(here, '..', 'README.md')) {
  let text;
  try {
    text = readFileSync(readme, 'utf8');
  } catch {
    return null;
  }
  const m = /```graphql\n([\s\S]*?)```/.exec(text);
  return m ? m[1].trim() : null;
}

export function playgroundOptions(title) {
  const query = readmeFirstQuery();
  return {
    title,
    ...(query
      ? { defaultQuery: `${intro}\n${query.replace(/^# then, with the header .*$/m, '# then, with the Authorization header set (step 2):')}\n` }
      : {}),
  };
}
