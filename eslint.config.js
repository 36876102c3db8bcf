// One lint setup for the whole tree (flat config).
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.next/**",
      "**/dist/**",
      ".data/**",
      ".turbo/**",
      "test-results/**",
      "playwright-report/**",
      "**/next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "separate-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      // Configuration is read and validated in one env module per app (see packages/db/src/env.ts).
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read environment variables only in the app's env.ts." },
      ],
      eqeqeq: ["error", "always"],
    },
  },
  {
    files: ["**/env.ts", "**/instrumentation.ts", "playwright.config.ts", "vitest.global-setup.ts"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    files: ["**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
