// ESLint (run by `npm run lint` through office-addin-lint over src, test, bench, scripts and the root
// config files): Office add-in rules (load before read, no sync in loops...), Prettier, the React rules
// of the Office React template, plus the layer rules of ARCHITECTURE.md.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import react from "eslint-plugin-react";

// The plugin's recommended block only matches .js/.ts: widen it so the .tsx task pane gets the same rules.
const ALL_CODE = ["**/*.{js,mjs,cjs,jsx,ts,cts,mts,tsx}"];
const officeRecommended = officeAddins.configs.recommended.map((c) => (c.files ? { ...c, files: ALL_CODE } : c));

const officeGlobals = [
  { name: "Office", message: "Only src/excel/ and the task pane's host wiring may use Office.js." },
  { name: "Excel", message: "Only src/excel/ and the task pane's host wiring may use Office.js." },
];

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "out/**", "bench/out/**", "test-output/**"] },
  ...officeRecommended,
  {
    files: ["**/*.{jsx,tsx}"],
    ...react.configs.flat.recommended,
    ...react.configs.flat["jsx-runtime"],
    rules: {
      ...react.configs.flat.recommended.rules,
      ...react.configs.flat["jsx-runtime"].rules,
      "react/prop-types": "off",
    },
    settings: { react: { version: "detect" } },
  },
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser, ecmaVersion: 2022, sourceType: "module" },
  },
  {
    // The recommended block that registers @typescript-eslint; unused arguments named _x are intended.
    files: ALL_CODE,
    plugins: {
      "@typescript-eslint": officeAddins.configs.recommended.find((c) => c.plugins?.["@typescript-eslint"]).plugins[
        "@typescript-eslint"
      ],
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // TypeScript already checks names and unused variables better than the base rules can.
      "no-undef": "off",
      "no-unused-vars": "off",
    },
  },
  {
    // The engine is pure: rows in, scorecard out. No host, UI, file format or node built-in.
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "react",
                "react-*",
                "@fluentui/*",
                "exceljs",
                "jszip",
                "csv-parse",
                "csv-parse/*",
                "commander",
                "fs",
                "path",
                "os",
                "child_process",
                "node:*",
                "../excel/*",
                "../xlsx/*",
                "../taskpane/*",
                "../cli/*",
                "../workbook/*",
              ],
              message: "src/engine must stay pure (see ARCHITECTURE.md).",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...officeGlobals,
        { name: "window", message: "The engine runs in Node and the browser alike." },
      ],
    },
  },
  {
    files: [
      "src/workbook/**/*.ts",
      "src/xlsx/**/*.ts",
      "src/cli/**/*.ts",
      "src/samples/**/*.ts",
      "src/taskpane/components/**/*.tsx",
      "src/taskpane/state/**/*.ts",
    ],
    rules: { "no-restricted-globals": ["error", ...officeGlobals] },
  },
];
