#!/usr/bin/env bash
# Installs hamilton-ts the way a user does: builds and packs every public package, installs the
# tarballs into a new app outside the repository (registry only, no overrides), compiles a strict
# TypeScript file that uses the README's API without casts, and runs it. Exits non-zero on failure.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/hamilton-ts-consumer.XXXXXX")"
trap '[ -n "${KEEP_CONSUMER:-}" ] || rm -rf "$work"' EXIT
cd "$root"

echo "consumer: building the packages from a clean state"
rm -rf packages/*/dist packages/*/tsconfig.tsbuildinfo
npm run --silent build
node scripts/check-packages.mjs

echo "consumer: packing"
mkdir -p "$work/tarballs" "$work/app"
tarballs=()
for manifest in packages/*/package.json; do
  dir="$(dirname "$manifest")"
  [ "$(node -p "Boolean(require('./$manifest').private)")" = "true" ] && continue
  name="$(cd "$dir" && npm pack --silent --ignore-scripts --pack-destination "$work/tarballs" | tail -n 1)"
  tarballs+=("$work/tarballs/$name")
done

echo "consumer: installing ${#tarballs[@]} tarballs into $work/app"
cp scripts/consumer/*.ts scripts/consumer/tsconfig.json "$work/app/"
typescript="$(node -p "require('./node_modules/typescript/package.json').version")"
node_types="$(node -p "require('./node_modules/@types/node/package.json').version")"
nest="$(node -p "require('./node_modules/@nestjs/core/package.json').version")"
bullmq="$(node -p "require('./node_modules/bullmq/package.json').version")"
ioredis="$(node -p "require('./node_modules/ioredis/package.json').version")"
cat > "$work/app/package.json" <<JSON
{ "name": "hamilton-ts-consumer", "private": true, "type": "module" }
JSON
cd "$work/app"
npm install --no-audit --no-fund --loglevel=error "${tarballs[@]}" arquero@^8 reflect-metadata@^0.2.2 \
  "@nestjs/common@$nest" "@nestjs/core@$nest" rxjs@^7.8 "bullmq@$bullmq" "ioredis@$ioredis" \
  "typescript@$typescript" "@types/node@$node_types"

echo "consumer: compiling app.ts, nest.ts, cluster.ts, io.ts and ui.ts with strict"
npx tsc -p tsconfig.json
echo "consumer: running it"
node dist/app.js
node dist/nest.js
node dist/cluster.js
node dist/io.js
node dist/ui.js

echo "consumer: the hamilton-ts command of @hamilton-ts/cli"
# The bin the tarball installed; without it npx would fetch a package of that name from the registry.
if [ ! -x node_modules/.bin/hamilton-ts ]; then
  echo "consumer check failed: installing @hamilton-ts/cli linked no node_modules/.bin/hamilton-ts"
  exit 1
fi
usage="$(npx hamilton-ts --help)"
if ! grep -q '^Usage: hamilton-ts <command> \[options\]' <<<"$usage" || ! grep -qE '^  worker +Run pipeline nodes' <<<"$usage"; then
  echo "consumer check failed: \`npx hamilton-ts --help\` printed:"
  echo "$usage"
  exit 1
fi
echo "consumer: npx hamilton-ts --help lists the worker command"

echo "consumer: without typescript installed"
npm uninstall --no-audit --no-fund --loglevel=error typescript
node dist/without-typescript.js
