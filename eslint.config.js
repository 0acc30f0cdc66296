// One linter for everything that is type-checked: src, flows, test, bench, scripts and configs.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "src/generated/", "dist/", "data/", "scratch/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: "readonly", console: "readonly", setTimeout: "readonly", clearTimeout: "readonly", URL: "readonly" },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
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
);
