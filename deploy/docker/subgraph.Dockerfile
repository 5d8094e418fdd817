# syntax=docker/dockerfile:1
# One image per subgraph, from the repository root:
#
#   docker build -f deploy/docker/subgraph.Dockerfile \
#     --build-arg SUBGRAPH=users --build-arg PORT=3001 -t purra/users .
#
# SUBGRAPH selects subgraphs/<SUBGRAPH>/cmd/<SUBGRAPH>; PORT is its port in
# supergraph/subgraphs.json (deploy/sync.mjs passes both from that list). The module
# replaces github.com/purra/supergraph/platform with ../../platform (and, for test-only
# helpers, github.com/purra/supergraph/tools with ../../tools), so the build sees exactly
# platform/, tools/go.{mod,sum} and subgraphs/<SUBGRAPH>/ (subgraph.Dockerfile.dockerignore).
# Every replace directory must be in the context even when no built package imports it:
# `go mod download` reads its go.mod. `make deploy-check` resolves each module graph from
# exactly these files.
# Needs BuildKit (default since Docker 23): cache mounts, <name>.dockerignore.

ARG GO_VERSION=1.26

FROM --platform=$BUILDPLATFORM golang:${GO_VERSION} AS build
ARG SUBGRAPH
ARG PORT
# optional module proxy for builds behind a corporate mirror
ARG GOPROXY
RUN test -n "$SUBGRAPH" && test -n "$PORT" \
 || { echo "build with --build-arg SUBGRAPH=<name> --build-arg PORT=<port>" >&2; exit 1; }
# GOWORK=off: the repository's go.work lists modules this context does not contain;
# each subgraph module builds alone through its replace directive.
ENV CGO_ENABLED=0 GOWORK=off GOTOOLCHAIN=local GOFLAGS=-mod=readonly

# 1. module graph only: this layer (and the module cache) survives source edits
WORKDIR /src/subgraphs/${SUBGRAPH}
COPY platform/go.mod platform/go.sum /src/platform/
# tools: only its go.mod/go.sum (a test-only dependency of some subgraphs, e.g. the SMTP sink)
COPY tools/go.mod tools/go.sum /src/tools/
COPY subgraphs/${SUBGRAPH}/go.mod subgraphs/${SUBGRAPH}/go.su[m] ./
RUN --mount=type=cache,target=/go/pkg/mod,sharing=locked \
    go mod download

# 2. sources, then a static binary for the target platform
COPY platform/ /src/platform/
COPY subgraphs/${SUBGRAPH}/ ./
ARG TARGETOS TARGETARCH
RUN --mount=type=cache,target=/go/pkg/mod,sharing=locked \
    --mount=type=cache,target=/root/.cache/go-build \
    GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags='-s -w' -o /out/${SUBGRAPH} ./cmd/${SUBGRAPH} \
 && ln -s ${SUBGRAPH} /out/subgraph

# ---------------------------------------------------------------------------------------
# static, no shell, uid/gid 65532; CA certificates and tzdata included. No HEALTHCHECK:
# distroless has nothing to run it with; orchestrators probe GET /healthz and /readyz.
FROM gcr.io/distroless/static-debian12:nonroot
ARG SUBGRAPH
ARG PORT
ARG VERSION=dev
ARG REVISION=unknown
LABEL org.opencontainers.image.title="purra-${SUBGRAPH}" \
      org.opencontainers.image.description="Purra ${SUBGRAPH} subgraph (gqlgen, Federation v2)" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}"
# /usr/local/bin/<SUBGRAPH> and the symlink /usr/local/bin/subgraph -> <SUBGRAPH>
COPY --from=build /out/ /usr/local/bin/
ENV HTTP_ADDR=":${PORT}"
EXPOSE ${PORT}
USER nonroot:nonroot
# `docker run purra/users` serves; `docker run purra/users seed` migrates and seeds
ENTRYPOINT ["/usr/local/bin/subgraph"]
