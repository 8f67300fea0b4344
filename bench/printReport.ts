/**
 * The human-readable report: Markdown tables (readable in a terminal, pasteable into the README).
 */
import type { BenchResult } from "./benchResult";

type Cell = string | number | boolean | null | undefined;

function show(value: Cell): string {
  if (value === null || value === undefined) return "–";
  if (typeof value === "number")
    return Number.isInteger(value)
      ? value.toLocaleString("en-US")
      : value.toLocaleString("en-US", { maximumFractionDigits: 1 });
  return String(value);
}

export function markdownTable(headers: string[], rows: Cell[][]): string {
  const text = [headers, ...rows.map((r) => r.map(show))];
  const widths = headers.map((_, c) => Math.max(...text.map((r) => (r[c] ?? "").length)));
  // Figures right-aligned, words left-aligned.
  const line = (cells: string[]) =>
    `| ${cells.map((cell, c) => (/^[-–>\d.,×% s]+$/.test(cell) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join(" | ")} |`;
  return [line(text[0]), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...text.slice(1).map(line)].join("\n");
}

function ratioText(ratio: number | null, finished: boolean): string {
  if (ratio === null) return "–";
  return `${finished ? "" : ">"}${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(2)}×`;
}

export function formatReport(result: BenchResult): string {
  const parts: string[] = [];
  const m = result.machine;
  parts.push(
    `KPI Scorecard benchmark (${m.mode}) — ${m.date}\n${m.cpu}, ${m.cores} cores, ${m.totalMemMb} MB, Node ${m.node}, ${m.platform}/${m.arch}; load average ${m.loadAverageAtStart.join(" / ")} at start, ${(m.loadAverageAtEnd ?? []).join(" / ")} at end\nCommand: ${m.command}`,
  );

  parts.push(
    "### Engine: sales-rep template, by salesperson with the region roll-up, every month\n" +
      markdownTable(
        [
          "rows",
          "median ms",
          "min ms",
          "max ms",
          "read ms",
          "compute ms",
          "detection ms (share)",
          "ns/row",
          "peak RSS MB",
          "input RSS MB",
        ],
        result.engine.map((e) => [
          e.rows,
          e.ms,
          e.minMs,
          e.maxMs,
          e.loadMs,
          e.computeMs,
          e.detection ? `${e.detection.ms} (${(e.detection.share * 100).toFixed(1)} %)` : "",
          Math.round((e.ms * 1e6) / e.rows),
          e.peakRssMb,
          e.inputRssMb,
        ]),
      ),
  );

  if (result.baselines.length > 0) {
    parts.push(
      "### Baselines: the same five figures per salesperson per month (engine time: sales-rep + bad-debt rate + active customers)\n" +
        markdownTable(
          ["rows", "baseline", "baseline ms", "engine ms", "baseline / engine", "same results", "notes"],
          result.baselines.map((b) => [
            b.rows,
            b.name === "hyperformula" ? `HyperFormula (${b.variant})` : `DuckDB (${b.threads ?? "?"} threads)`,
            b.finished ? b.ms : `> ${(b.budgetMs ?? 0) / 1000} s`,
            b.engineMs,
            ratioText(b.ratio, b.finished),
            b.sameResults,
            b.error ??
              (b.name === "duckdb"
                ? `load ${show(b.loadMs)} ms, load + query ${show(b.loadPlusQueryMs)} ms`
                : b.finished
                  ? "build + evaluate"
                  : "stopped at the time budget"),
          ]),
        ),
    );
  }

  if (result.excel.length > 0) {
    parts.push(
      "### Excel adapter: full apply against the fake host\n" +
        markdownTable(
          ["rows", "syncs", "largest request bytes", "largest response bytes", "API calls", "read blocks"],
          result.excel.map((e) => [
            e.rows,
            e.syncs,
            e.requestBytes,
            e.responseBytes as number | undefined,
            e.apiCalls,
            e.readBlocks as number | undefined,
          ]),
        ),
    );
  }

  if (result.cli.length > 0) {
    parts.push(
      "### File path: kpi-scorecard apply vs ExcelJS reading the same file alone (wall time, Node start-up included)\n" +
        markdownTable(
          ["rows", "file MB", "apply ms", "apply peak MB", "ExcelJS load ms", "ExcelJS stream ms", "apply / load"],
          result.cli.map((c) => [
            c.rows,
            Math.round(c.fileBytes / 1e5) / 10,
            c.ms,
            c.peakRssMb,
            c.readOnlyMs,
            c.streamReadMs,
            `${c.ratio}×`,
          ]),
        ),
    );
  }

  if (result.taskpane) {
    const t = result.taskpane;
    parts.push(
      "### Task pane (production build)\n" +
        markdownTable(
          ["initial JS bytes", "gzip bytes", "first interactive render ms"],
          [[t.bundleBytes, t.gzipBytes, t.firstRenderMs]],
        ),
    );
  }

  parts.push(
    "### Goals\n" +
      markdownTable(
        ["goal", "status", "figures"],
        result.goals.map((g) => [g.goal, g.met === null ? "not measured" : g.met ? "met" : "MISSED", g.detail]),
      ),
  );
  if (result.failures.length > 0) parts.push(`### Failures\n${result.failures.map((f) => `- ${f}`).join("\n")}`);
  return parts.join("\n\n");
}
