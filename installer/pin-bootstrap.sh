#!/usr/bin/env bash
# Writes the sha512s of the Node binary packages and npm that the app bootstraps itself with (see NodeBootstrap) into
# core's resources. Run it after changing the pins; the hashes are then part of the source and the app, so a
# registry answering with other bytes at run time is refused. Usage: installer/pin-bootstrap.sh NODE_VERSION NPM_VERSION
set -euo pipefail
cd "$(dirname "$0")/.."
node=$1; npm=$2
out=core/src/main/resources/dev/arcrun/core/deploy/bootstrap.properties
{
  echo "# Written by installer/pin-bootstrap.sh: the pinned Node and npm packages and their registry integrity (sha512)."
  echo "node.version=$node"
  echo "npm.version=$npm"
  echo "npm.integrity=$(npm view "npm@$npm" dist.integrity)"
  for p in linux-x64 linux-arm64 darwin-x64 darwin-arm64 win-x64; do
    i=$(npm view "node-$p@$node" dist.integrity 2>/dev/null || true)
    [ -n "$i" ] && echo "node-$p.integrity=$i"
  done
} > "$out"
cat "$out"
