// One linter for everything that is type-checked: src, flows, test, bench, scripts and configs.
// Type-aware: TypeScript files are linted with type information (projectService), so a promise
// that is neither awaited nor handled, or a promise passed where a plain callback is expected, is an error.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  { ignores: ["node_modules/", "src/generated/", "dist/", "data/", "scratch/", "coverage/", ".dependency-cruiser.cjs"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: "readonly", console: "readonly", setTimeout: "readonly", clearTimeout: "readonly", URL: "readonly" },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      // `void` does not excuse a promise: one that must not be lost ends in .catch (or .then with a rejection handler).
      "@typescript-eslint/no-floating-promises": ["error", { ignoreVoid: false }],
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
    },
  },
  {
    // Plain JavaScript (configs, build scripts) is outside the TypeScript project: no type information.
    files: ["**/*.js", "**/*.mjs"],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // Flows are pure: no I/O libraries (ARCHITECTURE.md).
    files: ["flows/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["grammy", "@slack/bolt", "i18next", "pg", "@electric-sql/pglite", "node:fs", "fs"],
          patterns: ["**/src/**", "**/generated/**", "@prisma/*"],
        },
      ],
    },
  },
  {
    // src/db/queue.ts is the one writer of Job rows (reads stay free). Tests may still set up a
    // job's state directly (a crashed lease, a due time in the past).
    files: ["src/**/*.ts", "scripts/**/*.ts", "bench/**/*.ts"],
    ignores: ["src/db/queue.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression > MemberExpression.callee[object.property.name='job'][property.name=/^(create|createMany|createManyAndReturn|upsert|update|updateMany|updateManyAndReturn|delete|deleteMany)$/]",
          message: "Job rows are written only by src/db/queue.ts: use its functions.",
        },
      ],
    },
  },
  {
    // The Slack and Telegram edges reach the data through domain/ (and conversation/): no Prisma,
    // neither imported nor through the database handle they pass on.
    files: ["src/slack/**/*.ts", "src/telegram/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/generated/prisma/**", "**/db/client.js", "@prisma/*"], message: "Edges query through domain/ functions, not Prisma." }] },
      ],
      "no-restricted-properties": ["error", { property: "prisma", message: "Edges query through domain/ functions, not Prisma." }],
    },
  },
);
