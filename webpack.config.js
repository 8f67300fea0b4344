/**
 * Builds the task pane and the ribbon FunctionFile.
 *   webpack --mode production        → dist/ (content-hashed, Office.js from Microsoft's CDN)
 *   webpack --mode production --env url=https://kpi.example.com/
 *                                    → the same, with dist/manifest.xml pointing at that hosting origin
 *   webpack serve --mode development → https://localhost:3000 with office-addin-dev-certs
 *   webpack --mode development --env e2e → test-output/e2e/site: the pane with the fake Excel host
 *     (test/e2e/fakeHost.ts) loaded in place of Office.js, for the browser tests.
 */
const fs = require("fs");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { validateManifest } = require("./scripts/validate-manifest");

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
// As in the Office add-in templates: the port is package.json's config.dev_server_port (npm_package_config_* under npm).
const DEV_PORT = Number(
  process.env.npm_package_config_dev_server_port || require("./package.json").config.dev_server_port,
);
// manifest.xml (the one sideloaded in development) names this origin; a build with --env url=... replaces it.
const DEV_URL = `https://localhost:${DEV_PORT}/`;

/** Certificates only when serving: `npm run build` must work on a machine without them. */
async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions();
}

/** The hosting URL given with --env url=...: https, no query or fragment, ending in "/" (a folder). */
function hostingUrl(raw) {
  let url;
  try {
    url = new URL(String(raw));
  } catch {
    throw new Error(`--env url=${raw}: not an absolute URL (example: --env url=https://kpi.example.com/)`);
  }
  if (url.protocol !== "https:") throw new Error(`--env url=${raw}: Office add-ins must be served over https`);
  if (url.search || url.hash)
    throw new Error(`--env url=${raw}: no query or fragment, only the folder that serves dist/`);
  return url.origin + (url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`);
}

/**
 * Writes dist/manifest.xml from manifest.xml with every https://localhost:PORT/ address turned into the
 * hosting URL (AppDomain into its origin), then validates it against the vendored schemas: a manifest
 * that would not validate fails the build. Without --env url a production build warns that it still
 * points at localhost.
 */
class ManifestPlugin {
  constructor({ source = path.resolve(__dirname, "manifest.xml"), url = null, warnIfLocal = false } = {}) {
    this.source = source;
    this.url = url;
    this.warnIfLocal = warnIfLocal;
  }
  apply(compiler) {
    const { Compilation, sources, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("ManifestPlugin", (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: "ManifestPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        async () => {
          compilation.fileDependencies.add(this.source);
          let xml = fs.readFileSync(this.source, "utf8");
          if (this.url) {
            xml = xml.split(DEV_URL).join(this.url).split(DEV_URL.slice(0, -1)).join(new URL(this.url).origin);
          } else if (this.warnIfLocal) {
            compilation.warnings.push(
              new WebpackError(
                `dist/manifest.xml points at ${DEV_URL}; for a deployment build with --env url=https://your.host/`,
              ),
            );
          }
          const errors = await validateManifest(xml, "manifest.xml");
          if (errors.length > 0) {
            compilation.errors.push(
              new WebpackError(`dist/manifest.xml is not a valid add-in manifest:\n  ${errors.join("\n  ")}`),
            );
          }
          compilation.emitAsset("manifest.xml", new sources.RawSource(xml));
        },
      );
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const e2e = Boolean(env.e2e);
  const serving = Boolean(env.WEBPACK_SERVE);
  const outDir = e2e ? path.resolve(__dirname, "test-output/e2e/site") : path.resolve(__dirname, "dist");
  const hashed = production && !e2e;
  const url = env.url ? hostingUrl(env.url) : null;

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
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: true } },
          },
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
      // Icons and the help page; the sample workbooks are for the CLI and the demo, not the pane.
      new CopyWebpackPlugin({
        patterns: [{ from: "assets", to: "assets", globOptions: { ignore: ["**/samples/**"] } }],
      }),
      new ManifestPlugin({ url, warnIfLocal: production && !e2e }),
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

// For the build's tests (test/manifest/buildManifest.test.ts).
module.exports.ManifestPlugin = ManifestPlugin;
module.exports.hostingUrl = hostingUrl;
