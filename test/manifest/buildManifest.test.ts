import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// The build's own pieces (webpack.config.js): the plugin that writes dist/manifest.xml and the --env url check.
const webpack = require("webpack");
const { ManifestPlugin, hostingUrl } = require("../../webpack.config.js");

const root = path.resolve(__dirname, "..", "..");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

/** Runs a one-module webpack build with the manifest plugin; returns the emitted manifest and the build's problems. */
async function build(
  manifestText: string,
  url: string | null,
): Promise<{ xml: string | null; errors: string[]; warnings: string[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-build-"));
  fs.writeFileSync(path.join(dir, "entry.js"), "export default 1;\n");
  fs.writeFileSync(path.join(dir, "manifest.xml"), manifestText);
  const out = path.join(dir, "dist");
  const compiler = webpack({
    mode: "production",
    context: dir,
    entry: "./entry.js",
    output: { path: out },
    plugins: [new ManifestPlugin({ source: path.join(dir, "manifest.xml"), url, warnIfLocal: true })],
  });
  const stats: any = await new Promise((resolve, reject) =>
    compiler.run((err: Error | null, s: any) => (err ? reject(err) : resolve(s))),
  );
  await new Promise((resolve) => compiler.close(resolve));
  const file = path.join(out, "manifest.xml");
  const info = stats.toJson({ all: false, errors: true, warnings: true });
  return {
    xml: fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null,
    errors: info.errors.map((e: any) => e.message),
    warnings: info.warnings.map((e: any) => e.message),
  };
}

describe("dist/manifest.xml (npm run build -- --env url=...)", () => {
  test("every localhost address becomes the hosting URL, AppDomain its origin, and the result is valid", async () => {
    const r = await build(manifest, hostingUrl("https://kpi.example.com/addins/kpi"));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.xml).not.toContain("localhost");
    expect(r.xml).toContain('<SourceLocation DefaultValue="https://kpi.example.com/addins/kpi/taskpane.html"/>');
    expect(r.xml).toContain("<AppDomain>https://kpi.example.com</AppDomain>");
    expect(r.xml).toContain('"https://kpi.example.com/addins/kpi/assets/icon-32.png"');
  }, 60_000);

  test("a production build without a URL keeps localhost and warns", async () => {
    const r = await build(manifest, null);
    expect(r.errors).toEqual([]);
    expect(r.xml).toContain("https://localhost:3000/taskpane.html");
    expect(r.warnings.join("\n")).toMatch(/--env url=/);
  }, 60_000);

  test("a manifest that does not validate fails the build with the schema's reason", async () => {
    const r = await build(
      manifest.replace("<Permissions>ReadWriteDocument", "<Permissions>WriteEverything"),
      hostingUrl("https://kpi.example.com/"),
    );
    expect(r.errors.join("\n")).toMatch(/not a valid add-in manifest[\s\S]*WriteEverything/);
  }, 60_000);

  test("the hosting URL must be an absolute https folder address", () => {
    expect(hostingUrl("https://kpi.example.com")).toBe("https://kpi.example.com/");
    expect(() => hostingUrl("http://kpi.example.com/")).toThrow(/https/);
    expect(() => hostingUrl("kpi.example.com")).toThrow(/absolute URL/);
    expect(() => hostingUrl("https://kpi.example.com/?v=2")).toThrow(/query/);
  });
});
