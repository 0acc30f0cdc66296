import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    include: ["test/**/*.test.ts"],
    // Builds the migrated embedded template once and starts a throwaway PostgreSQL server.
    globalSetup: ["test/setup/global.ts"],
    // Each worker opens its own embedded PostgreSQL (WebAssembly): separate processes keep
    // their memory apart and are reclaimed after the run.
    pool: "forks",
    testTimeout: 30_000,
    // A fixed data key for the tests' PostgreSQL databases and child processes (not a secret).
    env: { KOERS_DATA_KEY: "test:S29lcnMgdGVzdCBrZXksIG5vdCBhIHNlY3JldC4uLi4=" },
    hookTimeout: 120_000,
  },
});
