#!/usr/bin/env bash
# Runs the federation gateway audit (github.com/graphql-hive/federation-gateway-audit,
# 46 suites / 199 tests) against the Go router, offline with npm only.
# Nothing of the audit is committed: it is cloned into router/.audit (git-ignored).
#
#   AUDIT_REPO   where to clone from (a local snapshot or the GitHub URL)
#   AUDIT_SUITE  run one suite only (its id, e.g. requires-with-argument)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
router="$(cd "$here/.." && pwd)"
root="$(cd "$router/.." && pwd)"
work="$router/.audit"
repo="${AUDIT_REPO:-}"
if [ -z "$repo" ]; then
  if [ -d /work/.mirror/graphql-hive+federation-gateway-audit/repo ]; then
    repo=/work/.mirror/graphql-hive+federation-gateway-audit/repo
  else
    repo=https://github.com/graphql-hive/federation-gateway-audit
  fi
fi

if [ ! -d "$work/.git" ]; then
  rm -rf "$work"
  git clone --quiet "$repo" "$work"
fi
cd "$work"

if [ ! -d node_modules ]; then
  # The lockfile pins packages the registry here does not serve (wgc, an old
  # Hive Gateway) and which need Node 22: keep what the audit itself needs.
  node -e '
    const fs = require("fs");
    const p = JSON.parse(fs.readFileSync("package.json", "utf8"));
    p.devDependencies = { tsx: p.devDependencies.tsx, graphql: p.devDependencies.graphql };
    delete p.packageManager;
    fs.writeFileSync("package.json", JSON.stringify(p, null, 2));
  '
  rm -f package-lock.json
  npm install --no-audit --no-fund --loglevel=error
fi

# Promise.withResolvers is Node 22; the audit's CLI uses it.
cat > polyfill.mjs <<'JS'
if (!Promise.withResolvers) {
  Promise.withResolvers = function () {
    let resolve, reject;
    const promise = new Promise((res, rej) => { resolve = res; reject = reject = rej; });
    return { promise, resolve, reject };
  };
}
JS

# Our router as an audit gateway: fetch the suite's supergraph, run bin/router.
(cd "$root" && go build -o bin/ ./router/cmd/router)
gw="$work/gateways/purra-go"
mkdir -p "$gw"
cat > "$gw/gateway.json" <<'JSON'
{
  "name": "Purra Go router (graphql-go-tools)",
  "repository": "https://github.com/wundergraph/graphql-go-tools",
  "website": "https://github.com/wundergraph/graphql-go-tools",
  "graphql": "http://127.0.0.1:4000/graphql",
  "health": "http://127.0.0.1:4000/readiness"
}
JSON
printf '#!/usr/bin/env bash\nexit 0\n' > "$gw/install.sh"
cat > "$gw/run.sh" <<SH
#!/usr/bin/env bash
set -e
curl -sf "http://localhost:4200/\$1/supergraph" -o supergraph.graphql
# the router refuses to start without its service key (the audit's subgraphs ignore the token)
[ -s service.pem ] || openssl genpkey -algorithm ed25519 -out service.pem
export SERVICE_TOKEN_KEY="\$(cat service.pem)"
# every audit request comes from 127.0.0.1: no rate, alias or cost limits
export RATE_LIMIT_PER_IP=0 RATE_LIMIT_PER_CLIENT=0 MAX_ALIASES=0 MAX_COST=0
export PORT=4000 HOST=127.0.0.1 PLAYGROUND=false RESPONSE_CACHE_TTL_MS=0 MAX_DEPTH=100 MAX_TOKENS=100000 \\
  SUPERGRAPH_WATCH=false ACCESS_LOG=false PERSISTED_OPERATIONS_PATH=/nonexistent LOG_LEVEL=warn
exec "$root/bin/router" supergraph.graphql
SH
chmod +x "$gw/install.sh" "$gw/run.sh"

export NODE_OPTIONS="--import=$work/polyfill.mjs" GATEWAY_TIMEOUT=30000
args=(--cwd ./gateways/purra-go --run-script ./run.sh --graphql http://127.0.0.1:4000/graphql --healthcheck http://127.0.0.1:4000/readiness)
if [ -n "${AUDIT_SUITE:-}" ]; then
  npm start --silent -- test-suite --test "$AUDIT_SUITE" "${args[@]}"
else
  npm start --silent -- test --reporter dot "${args[@]}" 2>&1 | tee "$work/last-run.txt"
fi
