import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PNG } from "pngjs";

const root = path.resolve(__dirname, "..", "..");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

/** Runs `npm run validate`'s script on a manifest text; returns exit code and output. */
function validate(xml: string): { code: number; output: string } {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "manifest-")), "manifest.xml");
  fs.writeFileSync(file, xml);
  try {
    const out = execFileSync("node", [path.join(root, "scripts", "validate-manifest.js"), file], {
      encoding: "utf8",
      stdio: "pipe",
    });
    return { code: 0, output: out };
  } catch (e: any) {
    return { code: e.status, output: String(e.stderr) + String(e.stdout) };
  }
}

describe("manifest.xml", () => {
  test("validates against the Office manifest schemas", () => {
    const r = validate(manifest);
    expect(r.output).toContain("is valid");
    expect(r.code).toBe(0);
  });

  test("a bad enum value (Permissions) is rejected with the line and reason", () => {
    const r = validate(manifest.replace("<Permissions>ReadWriteDocument", "<Permissions>WriteEverything"));
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/Permissions.*WriteEverything/);
  });

  test("an unknown element is rejected", () => {
    const r = validate(manifest.replace("<Hosts>", "<Colour>green</Colour><Hosts>"));
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/Colour/);
  });

  test("malformed XML is rejected", () => {
    const r = validate(manifest.replace("</OfficeApp>", ""));
    expect(r.code).not.toBe(0);
  });

  test("is an Excel (Workbook) task pane with ReadWriteDocument and a Home-tab button that opens the pane", () => {
    expect(manifest).toMatch(/xsi:type="TaskPaneApp"/);
    expect(manifest).toMatch(/<Host Name="Workbook"\/>/);
    expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(manifest).toMatch(/<OfficeTab id="TabHome">[\s\S]*<Action xsi:type="ShowTaskpane">/);
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1\.\d+"\/>/);
  });

  test("every icon the manifest names exists in assets/ at the size its name says", () => {
    const urls = [...manifest.matchAll(/assets\/(icon-(\d+)\.png)/g)];
    expect(urls.length).toBeGreaterThan(0);
    for (const size of [16, 32, 64, 80, 128]) {
      const png = PNG.sync.read(fs.readFileSync(path.join(root, "assets", `icon-${size}.png`)));
      expect([png.width, png.height]).toEqual([size, size]);
    }
    for (const [, file, size] of urls) {
      const png = PNG.sync.read(fs.readFileSync(path.join(root, "assets", file)));
      expect(png.width).toBe(Number(size));
    }
  });

  test("every page and file the manifest points at is served by the build (dev server root = dist/)", () => {
    const webpackConfig = fs.readFileSync(path.join(root, "webpack.config.js"), "utf8");
    const paths = [...new Set([...manifest.matchAll(/https:\/\/localhost:3000\/([^"]+)"/g)].map((m) => m[1]))];
    expect(paths).toEqual(expect.arrayContaining(["taskpane.html", "commands.html", "assets/help.html"]));
    for (const p of paths) {
      if (p.startsWith("assets/")) expect([p, fs.existsSync(path.join(root, p))]).toEqual([p, true]);
      else expect([p, webpackConfig.includes(`filename: "${p}"`)]).toEqual([p, true]);
    }
  });
});
