/**
 * Time to first interactive render of the production task pane in headless Chromium: from navigation
 * start to the pane's own "kpi-interactive" performance mark (set by App when it becomes usable),
 * read from the page's clock so remote-control latency is not counted.
 * The production dist/ is served over local HTTP. Office.js normally comes from Microsoft's CDN and
 * there is no Excel here, so that request is answered with the fake Excel host of the e2e tests
 * (test-output/e2e/site/fake-office.js: a workbook with the sample sales table). A fresh,
 * cold-cache browser context per run.
 */
import { createReadStream, existsSync, readFileSync, statSync } from "fs";
import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import { extname, join, normalize, sep } from "path";
import { chromium } from "playwright-core";
import { median, round1 } from "./stats";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
export const INTERACTIVE_MARK = "kpi-interactive";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
};

function serveDirectory(root: string): Promise<Server> {
  const base = normalize(root) + sep;
  const server = createServer((request, response) => {
    const path = decodeURIComponent((request.url ?? "/").split("?")[0]);
    const file = normalize(join(root, path));
    if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

export interface FirstRenderResult {
  firstRenderMs: number;
  runs: number[];
}

export async function measureFirstRender(
  distDir: string,
  fakeHostFile: string,
  runs: number,
): Promise<FirstRenderResult> {
  const page = join(distDir, "taskpane.html");
  if (!existsSync(page)) throw new Error(`${page} not found: build the task pane first (npm run build)`);
  if (!existsSync(fakeHostFile))
    throw new Error(`${fakeHostFile} not found: build the e2e fake host first (webpack --mode development --env e2e)`);
  const fakeHost = readFileSync(fakeHostFile, "utf8");
  const server = await serveDirectory(distDir);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const times: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext();
      // No internet: Office.js gets the fake host; anything else not served locally gets a 404.
      await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) =>
        /office(\.debug)?\.js/i.test(route.request().url())
          ? route.fulfill({ status: 200, contentType: "text/javascript", body: fakeHost })
          : route.fulfill({ status: 404, body: "" }),
      );
      const tab = await context.newPage();
      const errors: string[] = [];
      tab.on("pageerror", (error) => errors.push(error.message));
      await tab.goto(`${origin}/taskpane.html`, { waitUntil: "commit" });
      try {
        await tab.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, INTERACTIVE_MARK, {
          timeout: 30000,
          polling: 20,
        });
      } catch {
        throw new Error(
          `the pane set no "${INTERACTIVE_MARK}" mark within 30 s${errors.length ? `; page errors: ${errors.join(" | ")}` : ""}`,
        );
      }
      times.push(await tab.evaluate((mark) => performance.getEntriesByName(mark)[0].startTime, INTERACTIVE_MARK));
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return { firstRenderMs: round1(median(times)), runs: times.map(round1) };
}
