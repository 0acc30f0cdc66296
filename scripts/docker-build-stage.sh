#!/bin/sh
# The build stage of the container image (Dockerfile), as a script so it also runs (and is tested)
# without Docker. Run from the repository root (the image's /app):
#
#   scripts/docker-build-stage.sh install        npm ci: every dependency, no install scripts
#   scripts/docker-build-stage.sh build          Prisma client + dist/, then drop dev dependencies
#   scripts/docker-build-stage.sh stage <dir>    copy only what runs into <dir> (the final stage)
#
# Nothing is downloaded beyond the npm registry: `--ignore-scripts` (also set in .npmrc) skips
# Prisma's engine download; Koers runs Prisma on WebAssembly through driver adapters.
set -eu

step=${1:-}

case "$step" in
  install)
    npm ci --ignore-scripts --no-audit --no-fund
    ;;
  build)
    # --force: a fresh dist/, whatever the file times of the copied sources say.
    node scripts/build.mjs --force
    test -f dist/src/main.js
    test -f dist/src/cli.js
    npm prune --omit=dev --ignore-scripts --no-audit --no-fund
    ;;
  stage)
    out=${2:?give the folder to copy the final stage into}
    mkdir -p "$out/prisma" "$out/slack"
    # dist/ holds the compiled code, the compiled Prisma client and the texts (locales/*.json are
    # imported, so tsc copies them to dist/locales). The migrations are read at start.
    cp -R dist node_modules package.json package-lock.json LICENSE "$out/"
    cp -R prisma/migrations "$out/prisma/"
    # Not read by the service: kept so the Slack app can be set up from the image's own files.
    cp slack/manifest.yaml "$out/slack/"
    rm -f "$out/dist/.tsbuildinfo"
    find "$out/node_modules" -mindepth 1 -maxdepth 1 -type d -empty -delete
    ;;
  *)
    echo "usage: scripts/docker-build-stage.sh install | build | stage <dir>" >&2
    exit 2
    ;;
esac
