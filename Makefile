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

node_modules: router/node_modules supergraph/node_modules
router/node_modules: router/package-lock.json
	cd router && npm ci --no-audit --no-fund --loglevel=error && touch node_modules
supergraph/node_modules: supergraph/package-lock.json
	cd supergraph && npm ci --no-audit --no-fund --loglevel=error && touch node_modules

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
build: ## build every subgraph binary, the Go router and the embedded Kafka into bin/
	@mkdir -p bin
	go build -o bin/ github.com/purra/supergraph/tools/cmd/devkafka github.com/purra/supergraph/tools/cmd/stack github.com/purra/supergraph/router/cmd/router
	@for s in $(SUBGRAPHS); do go build -o bin/ github.com/purra/supergraph/subgraphs/$$s/cmd/$$s || exit 1; done

.PHONY: run
run: deps build compose ## start Kafka (embedded), every subgraph with seed data, and the router on :4000
	./bin/stack run

.PHONY: vet
vet: ## go vet every module
	@for m in $(GO_MODULES); do [ -f $$m/go.mod ] && (cd $$m && go vet ./...) || exit 1; done

.PHONY: test
test: deps vet generate-check compose-check persisted-check deploy-check test-unit test-node test-e2e ## every test: checks, unit/integration, node, end to end

.PHONY: deploy-check
deploy-check: ## validate deploy/ offline (compose, kustomize + Kubernetes types, Dockerfiles, Apollo Router config)
	bash deploy/check.sh

.PHONY: test-unit
test-unit: ## platform and subgraph tests against the real Postgres, Redis and Kafka protocol
	go test -count=1 -race ./platform/... $(addprefix ./subgraphs/,$(addsuffix /...,$(SUBGRAPHS)))

.PHONY: test-node
test-node: node_modules ## router and composition tests (node:test)
	cd supergraph && npm test
	cd router && npm test

.PHONY: test-e2e
test-e2e: build ## end-to-end tests through the router at http://localhost:4000/graphql
	go test -count=1 -timeout 15m ./e2e/...

.PHONY: bench
bench: deps build compose ## load the router: product page and search (see README for targets)
	go run github.com/purra/supergraph/tools/cmd/bench

.PHONY: audit
audit: ## federation gateway audit (46 suites, 199 tests) against the Go router; binds :4000 and :4200
	bash router/audit/audit.sh

.PHONY: clean
clean:
	rm -rf bin .run
