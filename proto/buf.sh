#!/usr/bin/env bash
# Runs the pinned buf (npm @bufbuild/buf) from proto/.tools, installing it on first use.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tools="$here/.tools"
buf="$tools/node_modules/.bin/buf"
if [ ! -x "$buf" ]; then
  command -v npm >/dev/null || { echo "buf needs npm (Node.js); install nodejs/npm" >&2; exit 1; }
  mkdir -p "$tools"
  npm install --silent --no-audit --no-fund --prefix "$tools" @bufbuild/buf@1.75.0 >&2
fi
cd "$here"
exec "$buf" "$@"
