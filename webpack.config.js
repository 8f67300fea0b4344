/**
 * Builds the task pane and the ribbon FunctionFile.
 *   webpack --mode production        → dist/ (content-hashed, Office.js from Microsoft's CDN)
 *   webpack serve --mode development → https://localhost:3000 with office-addin-dev-certs
 *   webpack --mode development --env e2e → test-output/e2e/site: the pane with the fake Excel host
 *     (test/e2e/fakeHost.ts) loaded in place of Office.js, for the browser tests.
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const DEV_PORT = 3000;

/** Certificates only when serving: `npm run build` must work on a machine without them. */
async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions();
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const e2e = Boolean(env.e2e);
  const serving = Boolean(env.WEBPACK_SERVE);
  const outDir = e2e ? path.resolve(__dirname, "test-output/e2e/site") : path.resolve(__dirname, "dist");
  const hashed = production && !e2e;

  const entry = {
    taskpane: "./src/taskpane/index.tsx",
    commands: "./src/commands/commands.ts",
  };
  // The e2e page loads the fake host as a plain blocking script before the deferred pane bundle.
  if (e2e) entry["fake-office"] = "./test/e2e/fakeHost.ts";

  const officeScript = e2e ? "fake-office.js" : OFFICE_JS;

  const config = {
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "eval-cheap-module-source-map",
    entry,
    output: {
      path: outDir,
      filename: (pathData) =>
        pathData.chunk.name === "fake-office" || !hashed ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: hashed ? "[name].[contenthash:8].js" : "[name].js",
      // dist/node is the command-line build (tsc -p tsconfig.cli.json): never wipe it.
      clean: { keep: /^node[\\/]/ },
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: true } } },
        },
        // The engine is pure (no work at import but building constants), so the pane's bundle keeps only the
        // engine modules it uses: the template validator (ajv) and the built-ins then stay in their lazy chunk.
        { test: /[\\/]src[\\/]engine[\\/]/, sideEffects: false },
      ],
    },
    optimization: {
      // Vendor code the pages load up front (React, Fluent) in its own cacheable chunk; vendor code only lazy
      // chunks use (ajv) stays with them, off the initial load. The fake host stays whole.
      splitChunks: {
        chunks: (chunk) => chunk.name !== "fake-office",
        cacheGroups: {
          defaultVendors: {
            name: "vendor",
            test: /[\\/]node_modules[\\/]/,
            chunks: (chunk) => chunk.canBeInitial() && chunk.name !== "fake-office",
          },
        },
      },
    },
    performance: { hints: false }, // measured by scripts/bundle-size.js instead
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        officeScript,
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        officeScript,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets", noErrorOnMissing: true },
          { from: "manifest.xml", to: "manifest.xml", noErrorOnMissing: true },
        ],
      }),
    ],
    devServer: {
      port: DEV_PORT,
      hot: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: outDir },
    },
  };
  if (serving) config.devServer.server = { type: "https", options: await httpsOptions() };
  return config;
};
