/**
 * The compiled service, as production runs it (`npm start`: `node dist/src/main.js`). Tests that
 * start the service as a process run these files, not TypeScript through tsx: a start takes about
 * half the time. test/setup/global.ts rebuilds dist/ when it is older than the sources.
 */
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

export const SERVICE_MAIN = path.join(ROOT, "dist/src/main.js");
export const SANDBOX_MAIN = path.join(ROOT, "dist/src/sandbox/main.js");
