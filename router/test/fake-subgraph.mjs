// A tiny stand-in for a gqlgen subgraph, for the router tests only: GraphQL over POST and
// graphql-transport-ws at /graphql, federation `_entities`, and a record of the headers (and
// websocket connectionParams) of every request it receives.
import { createServer } from 'node:http';
import { buildSchema, parse, validate, execute } from 'graphql';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';

const SDL = {
  users: /* GraphQL */ `
    scalar _Any
    union _Entity = User
    type User { id: ID! name: String! email: String }
    type Node { name: String child: Node }
    type Query {
      me: User
      echoHeaders: String
      slow(ms: Int!): String
      deep: Node
      nodes(first: Int): [Node!]!
      echoInput(input: EchoInput!): String
      _entities(representations: [_Any!]!): [_Entity]!
    }
    input EchoInput { text: String! }
    type Subscription { ticks(n: Int!): Int! }
  `,
  catalog: /* GraphQL */ `
    scalar _Any
    union _Entity = Product
    type User { id: ID! }
    type Product { id: ID! slug: String! title: String! createdBy: User }
    type Query {
      product(id: ID, slug: String): Product
      _entities(representations: [_Any!]!): [_Entity]!
    }
  `,
};

const node = () => ({ name: 'n', child: node });
const ROOTS = {
  users: {
    me: () => ({ id: 'u1', name: 'Asha', email: 'asha@example.in' }),
    echoHeaders: (_args, ctx) => JSON.stringify(ctx.headers),
    slow: async ({ ms }) => {
      await new Promise((r) => setTimeout(r, ms));
      return 'done';
    },
    deep: node,
    echoInput: ({ input }) => input.text,
    nodes: ({ first }) => Array.from({ length: Math.min(first ?? 10, 100) }, node),
    _entities: ({ representations }) => representations.map((r) => ({ __typename: 'User', id: r.id, name: `User ${r.id}` })),
    ticks: async function* ({ n }) {
      for (let i = 1; i <= n; i++) {
        await new Promise((r) => setTimeout(r, 20));
        yield { ticks: i };
      }
    },
  },
  catalog: {
    product: ({ id, slug }) => ({ id: id ?? 'p1', slug: slug ?? 'phone', title: 'Phone', createdBy: { id: 'u9' } }),
    _entities: ({ representations }) => representations.map((r) => ({ __typename: 'Product', id: r.id, slug: 's', title: 'P' })),
  },
};

const pick = (headers) => {
  const out = {};
  for (const k of ['authorization', 'x-request-id', 'x-client-name', 'apollographql-client-name']) {
    if (headers[k] != null) out[k] = headers[k];
  }
  return out;
};

/**
 * Starts the fake subgraph `name` on a free port; resolves { url, seen, serviceTokens, close }.
 * serviceTokens records the X-Service-Token of every request ({ kind, token }).
 */
export function startFakeSubgraph(name) {
  const schema = buildSchema(SDL[name]);
  const rootValue = ROOTS[name];
  const seen = [];
  const serviceTokens = [];
  const server = createServer(async (req, res) => {
    if (req.method !== 'POST' || !req.url.startsWith('/graphql')) {
      res.writeHead(404).end();
      return;
    }
    let body = '';
    for await (const chunk of req) body += chunk;
    const headers = pick(req.headers);
    seen.push({ kind: 'http', headers });
    serviceTokens.push({ kind: 'http', token: req.headers['x-service-token'] });
    const { query, variables, operationName } = JSON.parse(body);
    const document = parse(query);
    const errors = validate(schema, document);
    const result = errors.length
      ? { errors }
      : await execute({ schema, document, rootValue, variableValues: variables, operationName, contextValue: { headers } });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
  });
  const wss = new WebSocketServer({ server, path: '/graphql' });
  useServer(
    {
      schema,
      onSubscribe: (ctx, _id, params) => {
        seen.push({ kind: 'ws', headers: pick(ctx.extra.request.headers), connectionParams: ctx.connectionParams ?? {} });
        serviceTokens.push({ kind: 'ws', token: ctx.extra.request.headers['x-service-token'] });
        return {
          schema,
          document: parse(params.query),
          variableValues: params.variables,
          operationName: params.operationName,
          rootValue,
          contextValue: { headers: pick(ctx.extra.request.headers) },
        };
      },
    },
    wss,
  );
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}/graphql`,
        seen,
        serviceTokens,
        close: () =>
          new Promise((r) => {
            for (const c of wss.clients) c.terminate();
            wss.close();
            server.closeAllConnections?.();
            server.close(() => r());
          }),
      });
    });
  });
}
