/** Unit and integration tests. Browser end-to-end tests run separately (npm run test:e2e). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
  // Type checking is `npm run typecheck`; ts-jest only transpiles, which keeps the suite fast.
  transform: { "^.+\\.tsx?$": ["ts-jest", { isolatedModules: true, diagnostics: false }] },
  // Generous: CI machines are shared and small; speed is measured by `npm run bench`, never by a test timing out.
  testTimeout: 60000,
  setupFiles: ["<rootDir>/test/support/testingLibrary.js"],
  moduleNameMapper: { "\\.(css)$": "<rootDir>/test/support/styleStub.js" },
};
