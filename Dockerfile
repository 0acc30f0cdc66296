# Koers as a container image. Build: docker build -t koers .   Run: see compose.yaml and
# docs/operations.md. Nothing is downloaded at build time beyond the npm registry: the build stage
# installs with --ignore-scripts (Prisma's engine download never runs; Koers uses Prisma on
# WebAssembly through driver adapters). The build commands are in scripts/docker-build-stage.sh,
# so they also run, and are tested, without Docker.
ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: install every dependency, compile to dist/, drop dev dependencies -----------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# The dependency layer first: it is rebuilt only when the lock file changes.
COPY package.json package-lock.json .npmrc ./
COPY scripts/docker-build-stage.sh scripts/
RUN sh scripts/docker-build-stage.sh install
COPY . .
RUN sh scripts/docker-build-stage.sh build \
 && sh scripts/docker-build-stage.sh stage /out

# --- runtime: only what runs, as a user without privileges ------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    DATA_DIR=/var/lib/koers/data
RUN groupadd --system --gid 10001 koers \
 && useradd --system --uid 10001 --gid koers --home-dir /var/lib/koers --shell /usr/sbin/nologin koers \
 && mkdir -p /var/lib/koers/data \
 && chown -R koers:koers /var/lib/koers \
 && chmod 0700 /var/lib/koers /var/lib/koers/data
WORKDIR /app
# The code belongs to root and is read-only for the service; only DATA_DIR is writable.
COPY --from=build /out/ /app/
USER koers:koers
# The embedded database (used when DATABASE_URL is not set) lives here.
VOLUME ["/var/lib/koers"]
EXPOSE 3000
# node:*-slim has no curl or wget: the check is Node's own fetch. 200 means the database answers.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/main.js"]
