# Purra supergraph. `make run` starts everything; `make test` runs every test.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# A subgraph is a folder subgraphs/<name> with its command in cmd/<name> (and
# its SDL in schema/<name>.graphqls).
SUBGRAPHS := $(sort $(foreach d,$(wildcard subgraphs/*/cmd/*),$(notdir $(d))))
GO_MODULES := platform tools e2e router $(addprefix subgraphs/,$(SUBGRAPHS))
# ROUTER=go|hive picks the router of `make run`, the e2e tests and `make bench`.
ROUTER ?= hive
export ROUTER

.PHONY: help
help: ## list targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-18s %s\n", $$1, $$2}'

.PHONY: deps
deps: node_modules ## download Go modules and install the router's and composer's npm packages
	@for m in $(GO_MODULES); do [ -f $$m/go.mod ] && (cd $$m && go mod download) || true; done
	@.ci/services
	@.ci/tools

node_modules: router/node_modules supergraph/node_modules web/node_modules
router/node_modules: router/package-lock.json
	cd router && npm ci --no-audit --no-fund --loglevel=error && touch node_modules
supergraph/node_modules: supergraph/package-lock.json
	cd supergraph && npm ci --no-audit --no-fund --loglevel=error && touch node_modules
web/node_modules: web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error && touch node_modules

# The storefront is rebuilt only when a source changed (make run stays quick).
WEB_SOURCES := $(shell find web/shared/src web/storefront/src web/storefront/public -type f 2>/dev/null) \
	web/storefront/index.html web/storefront/vite.config.ts web/package-lock.json
web/storefront/dist/index.html: web/node_modules $(WEB_SOURCES)
	cd web && npm run build

.PHONY: web
web: web/storefront/dist/index.html ## build the storefront into web/storefront/dist (prints the home page's initial JS size)

.PHONY: web-codegen
web-codegen: web/node_modules ## typed documents for operations/storefront and the API schema (web/shared/src/gql)
	cd web && npm run codegen

.PHONY: web-codegen-check
web-codegen-check: web-codegen ## fail when the committed typed documents are stale
	@git diff --exit-code --stat -- web/shared/schema.graphql web/shared/src/gql || (echo "web typed documents are stale: run make web-codegen and commit" && exit 1)

.PHONY: test-web
test-web: web-codegen-check ## web typecheck, unit tests (Vitest) and browser tests (Playwright + Debian chromium, real stack)
	cd web && npm run typecheck && npm test
	.ci/chromium
	$(MAKE) build web
	node web/storefront/e2e/run.mjs

.PHONY: generate
generate: ## regenerate gqlgen code for every subgraph from schema/ and gqlgen.yml
	go run github.com/purra/supergraph/tools/cmd/gqlgen $(SUBGRAPHS)

.PHONY: generate-check
generate-check: generate ## fail when committed generated code is stale
	@git diff --exit-code --stat -- subgraphs || (echo "generated code is stale: run make generate and commit" && exit 1)

.PHONY: compose
compose: supergraph/node_modules ## compose schema/*.graphqls into supergraph/supergraph.graphql
	node supergraph/compose.mjs

.PHONY: compose-check
compose-check: supergraph/node_modules ## fail when supergraph/supergraph.graphql is stale
	node supergraph/compose.mjs --check

.PHONY: persisted
persisted: supergraph/node_modules ## compile operations/**/*.graphql into the persisted-operations manifests (Hive and Apollo Router)
	node supergraph/persisted.mjs
	node deploy/apollo-router/pq-manifest.mjs

.PHONY: persisted-check
persisted-check: supergraph/node_modules ## fail when the persisted-operations manifest is stale
	node supergraph/persisted.mjs --check

.PHONY: build
build: playground ## build every subgraph binary, the Go router and the embedded Kafka into bin/
	@mkdir -p bin
	go build -o bin/ github.com/purra/supergraph/tools/cmd/devkafka github.com/purra/supergraph/tools/cmd/stack github.com/purra/supergraph/router/cmd/router
	@for s in $(SUBGRAPHS); do go build -o bin/ github.com/purra/supergraph/subgraphs/$$s/cmd/$$s || exit 1; done

.PHONY: playground
playground: ## GraphiQL from npm into the Go router's embedded Playground (router/playground; once)
	@[ -f router/internal/server/playground/graphiql.min.js ] || bash router/playground/build.sh

.PHONY: run
run: deps build compose web ## start Kafka (embedded), every subgraph with seed data, the router on :4000 and the storefront on :8080 (KEEP_DATA=1 keeps the last run's data)
	./bin/stack run

.PHONY: replay-parked
replay-parked: build ## re-apply the events a subgraph's consumer parked: make replay-parked SUBGRAPH=orders [ID=<event id>]
	@[ -n "$(SUBGRAPH)" ] || (echo "usage: make replay-parked SUBGRAPH=<name> [ID=<event id>]" && exit 2)
	./bin/$(SUBGRAPH) replay-parked $(ID)

.PHONY: vet
vet: ## go vet every module
	@for m in $(GO_MODULES); do [ -f $$m/go.mod ] && (cd $$m && go vet ./...) || exit 1; done

.PHONY: test
test: deps vet generate-check compose-check persisted-check deploy-check test-unit test-node test-e2e test-faults test-web bench-smoke ## every test: checks, unit/integration, node, end to end, faults, browser, bench smoke

.PHONY: deploy-check
deploy-check: ## validate deploy/ offline (Go builds from each image's context, env the code needs, compose, kustomize, NetworkPolicies, alert rules, workflows)
	bash deploy/check.sh

# Checkers run at pinned versions through the Go module proxy (nothing to install).
ACTIONLINT    := github.com/rhysd/actionlint/cmd/actionlint@v1.7.12
GOLANGCI_LINT := github.com/golangci/golangci-lint/v2/cmd/golangci-lint@v2.15.0
GOVULNCHECK   := golang.org/x/vuln/cmd/govulncheck@v1.9.0
# govulncheck reads the Go vulnerability database offline from this pinned module
# (its data/osv: one OSV file per advisory); bump it to pick up new advisories.
VULNDB        := golang.org/x/vulndb@v0.0.0-20261105234957-e22db6528018

# Not yet part of `make test`: its findings must be fixed first (issue 11, section 4).
.PHONY: lint
lint: lint-fast lint-go ## every check below: format, vulnerabilities, npm audit, workflows, alert rules, golangci-lint

.PHONY: lint-fast
lint-fast: ## gofmt, govulncheck (offline database), npm audit --omit=dev (router, web), actionlint, promtool
	@unformatted=$$(gofmt -l $(GO_MODULES) deploy/validate); [ -z "$$unformatted" ] || { echo "gofmt: $$unformatted"; exit 1; }
	@db=$$(go mod download -json $(VULNDB) | sed -n 's/^\t"Dir": "\(.*\)",$$/\1/p'); [ -d "$$db/data/osv" ] || { echo "no vulnerability database in $$db"; exit 1; }; \
	for m in $(GO_MODULES); do echo "govulncheck $$m"; (cd $$m && go run $(GOVULNCHECK) -db "file://$$db/data/osv" ./...) || exit 1; done
	cd router && npm audit --omit=dev --audit-level=high
	cd web && npm audit --omit=dev --audit-level=high
	GOFLAGS=-mod=mod go run $(ACTIONLINT) .github/workflows/*.yml
	promtool check rules deploy/observability/alerts.yml

.PHONY: lint-go
lint-go: ## golangci-lint (.golangci.yml) in every Go module
	@for m in $(GO_MODULES); do echo "golangci-lint $$m"; (cd $$m && GOFLAGS=-mod=mod go run $(GOLANGCI_LINT) run ./...) || exit 1; done

.PHONY: test-unit
test-unit: playground ## platform and subgraph tests against the real Postgres, Redis and Kafka protocol
	go test -count=1 -race ./platform/... ./router/... $(addprefix ./subgraphs/,$(addsuffix /...,$(SUBGRAPHS)))

.PHONY: test-node
test-node: node_modules ## router and composition tests (node:test)
	cd supergraph && npm test
	cd router && npm test

.PHONY: test-e2e
test-e2e: build ## end-to-end tests through the router at http://localhost:4000/graphql
	go test -count=1 -timeout 15m ./e2e/

.PHONY: test-faults
test-faults: build ## kill, pause and restart processes (the broker included) under checkouts, then check the invariants (e2e/faults)
	go test -count=1 -timeout 20m ./e2e/faults/...

.PHONY: bench
bench: deps build compose ## load the router like the storefront: req/s, p50/p99, errors, RSS and CPU ms per operation per process, pgbench calibration (README)
	@.ci/pgbench
	go run github.com/purra/supergraph/tools/cmd/bench

.PHONY: bench-smoke
bench-smoke: build ## every bench scenario for a moment: fails on any error or figure not produced (< 60 s)
	@.ci/pgbench
	go run github.com/purra/supergraph/tools/cmd/bench -smoke

.PHONY: rotate-keys
rotate-keys: ## rotate users' and admin's token signing keys (nobody is signed out; see docs/security.md)
	go run github.com/purra/supergraph/tools/cmd/rotatekeys

.PHONY: audit
audit: ## federation gateway audit (46 suites, 199 tests) against the Go router; binds :4000 and :4200
	bash router/audit/audit.sh

.PHONY: clean
clean:
	rm -rf bin .run
