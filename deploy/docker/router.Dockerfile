# syntax=docker/dockerfile:1
# The router image (Hive Gateway on Node 24 (LTS)), from the repository root:
#
#   docker build -f deploy/docker/router.Dockerfile -t purra/router .
#
# Layout inside the image mirrors the repository, so router/gateway.config.mjs finds
# ../supergraph/ as it does on a laptop:
#   /app/router/{gateway.config.mjs,package.json,node_modules,persisted-operations.json}
#   /app/supergraph/{supergraph.graphql,subgraphs.json}
# Every setting is an environment variable (router/README.md), e.g. USERS_URL.
# node:24-slim is Debian (glibc): @graphql-hive/router-query-planner ships
# linux-x64-gnu and linux-arm64-gnu addons only, so no Alpine/musl base.

FROM node:24-slim AS deps
WORKDIR /app/router
COPY router/package.json router/package-lock.json ./
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci --omit=dev --no-audit --no-fund --loglevel=error

# ---------------------------------------------------------------------------------------
FROM node:24-slim
ENV NODE_ENV=production
WORKDIR /app/router
# root-owned and read-only for the `node` user that runs the gateway
COPY --from=deps /app/router/node_modules ./node_modules
COPY router/package.json router/gateway.config.mjs ./
# the manifest is optional (built by supergraph/persisted.mjs); the wildcard lets the
# build pass without it, and the gateway then serves no persisted operation
COPY router/persisted-operations.jso[n] ./
# required: compose it first (make compose); the build fails here without it
COPY supergraph/supergraph.graphql supergraph/subgraphs.json /app/supergraph/
USER node
EXPOSE 4000
# not through npx (orphan child), no --jit (breaks subscriptions); node handles
# SIGTERM itself (graceful drain), so it can be PID 1
CMD ["node", "node_modules/.bin/hive-gateway", "supergraph", "../supergraph/supergraph.graphql"]
