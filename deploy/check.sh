#!/usr/bin/env bash
# Every offline check of deploy/ (no Docker engine, cluster or registry needed):
#   bash deploy/check.sh
# Runs the node scripts' --check modes and tests, the Go validator (BuildKit, compose-go,
# kustomize + strict Kubernetes types), and, when installed, the real CLIs as well.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== node deploy/sync.mjs --check"
node deploy/sync.mjs --check
echo "== node deploy/apollo-router/pq-manifest.mjs --check"
node deploy/apollo-router/pq-manifest.mjs --check
echo "== node --test deploy/test/"
node --test deploy/test/
echo "== go test ./deploy/validate (the checker catches the defects it exists for)"
(cd deploy/validate && GOWORK=off go test -count=1 .)
echo "== go run ./deploy/validate"
(cd deploy/validate && GOWORK=off go run .)

echo "== promtool check rules deploy/observability/alerts.yml"
promtool check rules deploy/observability/alerts.yml
echo "== actionlint .github/workflows"
GOFLAGS=-mod=mod go run github.com/rhysd/actionlint/cmd/actionlint@v1.7.12 .github/workflows/*.yml && echo ok

if docker compose version >/dev/null 2>&1; then
  echo "== docker compose config (all profiles)"
  docker compose -f deploy/docker-compose.yml --profile seed --profile apollo-router config -q && echo ok
else
  echo "== docker compose: plugin not installed, skipped (compose-go above covers the same loader)"
fi
for k in kustomize "kubectl kustomize"; do
  bin=${k%% *}
  if command -v "$bin" >/dev/null 2>&1; then
    for d in deploy/k8s/base deploy/k8s/overlays/*/; do
      if [ "$k" = kustomize ]; then kustomize build "$d" >/dev/null; else kubectl kustomize "$d" >/dev/null; fi
      echo "$k $d: ok"
    done
  fi
done
