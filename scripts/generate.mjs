// Preloaded by the tsx entry points (`node --import ./scripts/generate.mjs …`): the Prisma
// client is generated before anything imports it. See scripts/build.mjs.
import { ensurePrismaClient } from "./build.mjs";

ensurePrismaClient();
