#!/usr/bin/env bash
# `make playground`: GraphiQL's browser builds from npm (pinned in
# package-lock.json) into internal/server/playground/, which go:embed puts
# into bin/router. The copied files are git-ignored; without them the router
# serves a short page saying how to build them.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../internal/server/playground"
cd "$here"
[ -d node_modules/graphiql ] || npm ci --no-audit --no-fund --loglevel=error
cp node_modules/graphiql/graphiql.min.js node_modules/graphiql/graphiql.min.css \
   node_modules/react/umd/react.production.min.js node_modules/react-dom/umd/react-dom.production.min.js \
   index.html "$out/"
echo "playground: GraphiQL $(node -p 'require("./node_modules/graphiql/package.json").version') in $out"
