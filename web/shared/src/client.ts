// The GraphQL client every Purra web app uses: urql with graphcache (a
// normalized cache, so a product or cart changed by a mutation updates every
// screen showing it), persisted operations only (the router may refuse any
// other document), access-token refresh with rotation, and graphql-ws
// subscriptions on the same origin.
import { Client, fetchExchange, subscriptionExchange, type Exchange, type Operation } from '@urql/core';
import { cacheExchange, type CacheExchangeOpts } from '@urql/exchange-graphcache';
import { persistedExchange } from '@urql/exchange-persisted';
import { authExchange } from '@urql/exchange-auth';
import { createClient as createWsClient } from 'graphql-ws';
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import { persistedIds } from './gql/persisted';
import { session, type Session } from './session';
import { RefreshTokenDocument } from './gql/graphql';

export type ClientOptions = {
  /** Same-origin path or absolute URL of the router's endpoint. */
  url?: string;
  /** Sent as x-client-name so the router's logs tell the apps apart. */
  clientName: string;
  /** App-specific graphcache settings (keys, updates). */
  cache?: CacheExchangeOpts;
  /** Header values the router may require of browser clients (e.g. a CSRF header). */
  headers?: Record<string, string>;
};

function operationName(doc: DocumentNode): string {
  // (not graphql's getOperationAST: it would pull graphql-js into the bundle)
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  const name = op?.name?.value;
  if (!name) throw new Error('every operation must be named (operations/storefront/<Name>.graphql)');
  return name;
}

/** The persisted id of a document; a document that is not in the manifest is a programming error. */
export function persistedIdOf(doc: DocumentNode): string {
  const name = operationName(doc);
  const id = persistedIds[name];
  if (!id) throw new Error(`operation ${name} is not in operations/storefront (run npm run codegen)`);
  return id;
}

// Types without an id are values embedded in their parent, not entities.
const embedded = [
  'Money', 'PriceRange', 'MediaUrl', 'PageInfo', 'ProductRating', 'RatingBucket', 'VariantAttributeValue',
  'CartPricing', 'CartPricingLine', 'CartTaxBreakdown', 'CartCouponRejection', 'OrderTax', 'OrderAddress',
  'OrderPaymentMethod', 'OrderStatusChange', 'OrderStatusUpdate', 'PickupAddress', 'AuthPayload', 'LogoutPayload',
  'CheckoutPayload', 'DeleteAddressPayload', 'ProductConnection', 'ProductEdge', 'OrderConnection', 'OrderEdge',
  'ReviewConnection', 'ReviewEdge', 'NotificationConnection', 'NotificationEdge',
];

const refreshing: { promise: Promise<void> | null } = { promise: null };

/** Exchanges the refresh token for a new pair (rotation); ends the session when the server refuses. */
async function refresh(mutate: (doc: typeof RefreshTokenDocument, vars: { input: { refreshToken: string } }) => Promise<{ data?: { refreshToken: Session & { user: Session['user'] } } | null; error?: { graphQLErrors: { extensions?: Record<string, unknown> }[] } }>): Promise<void> {
  const s = session.get();
  if (!s) return;
  const res = await mutate(RefreshTokenDocument, { input: { refreshToken: s.refreshToken } });
  if (res.data?.refreshToken) {
    const t = res.data.refreshToken;
    session.set({ accessToken: t.accessToken, expiresAt: t.expiresAt, refreshToken: t.refreshToken, user: t.user });
    return;
  }
  const ext = res.error?.graphQLErrors[0]?.extensions;
  if (ext?.code === 'UNAUTHENTICATED' || ext?.code === 'FORBIDDEN') {
    // FORBIDDEN reason BANNED: the account was banned; anything else: the session is over.
    session.clear(ext.reason === 'BANNED' ? 'BANNED' : 'EXPIRED');
  }
}

function auth(): Exchange {
  return authExchange(async (utils) => ({
    addAuthToOperation(op: Operation) {
      const s = session.get();
      return s ? utils.appendHeaders(op, { authorization: `Bearer ${s.accessToken}` }) : op;
    },
    willAuthError: () => session.expiresSoon(),
    didAuthError: (error) => error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED'),
    async refreshAuth() {
      // One refresh at a time: a used refresh token presented twice ends the session.
      refreshing.promise ??= refresh((doc, vars) => utils.mutate(doc, vars) as never).finally(() => {
        refreshing.promise = null;
      });
      await refreshing.promise;
    },
  }));
}

function wsUrl(url: string): string {
  const u = new URL(url, globalThis.location?.href ?? 'http://localhost/');
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  return u.toString();
}

export function createPurraClient(o: ClientOptions): Client {
  const url = o.url ?? '/graphql';
  const ws = createWsClient({
    url: wsUrl(url),
    lazy: true,
    connectionParams: () => {
      const s = session.get();
      return { 'x-client-name': o.clientName, ...(s ? { Authorization: `Bearer ${s.accessToken}` } : {}) };
    },
  });
  return new Client({
    url,
    fetchOptions: { headers: { 'content-type': 'application/json', 'x-client-name': o.clientName, ...o.headers } },
    exchanges: [
      cacheExchange({ ...o.cache, keys: { ...Object.fromEntries(embedded.map((t) => [t, () => null])), ...o.cache?.keys } }),
      auth(),
      persistedExchange({
        enforcePersistedQueries: true,
        enableForMutation: true,
        preferGetForPersistedQueries: false,
        generateHash: async (_query, document) => persistedIdOf(document),
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request, operation) {
          // graphql-ws too carries only the persisted id (Apollo's extension; the
          // payload's query must be a string, so it is empty).
          const id = persistedIdOf(operation.query);
          const payload = {
            query: '',
            operationName: operationName(operation.query),
            variables: request.variables as Record<string, unknown>,
            extensions: { persistedQuery: { version: 1, sha256Hash: id } },
          };
          return { subscribe: (sink) => ({ unsubscribe: ws.subscribe(payload, sink as never) }) };
        },
      }),
    ],
  });
}
