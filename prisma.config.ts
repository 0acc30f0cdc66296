import { defineConfig } from "prisma/config";
import { parseConfig } from "./src/config.js";
import { createAdapter } from "./src/db/adapters.js";

// Prisma's CLI (migrate, generate) runs its schema engine as WebAssembly through a driver
// adapter, so nothing native is downloaded. The adapter follows the same configuration as the
// service: DATABASE_URL for a PostgreSQL server, otherwise the embedded database in DATA_DIR.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    const config = parseConfig(process.env);
    const handle = await createAdapter(config.database, { forMigrations: true });
    return handle.factory;
  },
});
