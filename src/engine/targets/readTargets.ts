/**
 * Reads a targets table (product.md §3) into TargetEntry values.
 *
 * Wide form: an entity column, an optional period column, then one column per KPI target. A
 * target column is named by the KPI id (`net_sales`) or its name in any of the four languages
 * (`Net sales`, `Doanh thu`, `销售额`, `銷售額`); margin-mix tier targets are columns such as
 * `margin_mix:premium` or `tier:premium` (kpi "margin_mix:premium"). A column with another
 * header that holds numbers is kept under its header text (a template's `target.column` may
 * name it); a column with no number at all (remarks) is ignored.
 * Long form: entity, period, kpi and target columns; the kpi cell is read like a wide header.
 *
 * Periods may be labels in the spec's form ("2026-03", "2026-Q1", "FY2026"), dates or serials
 * (turned into the label of the period holding them), or blank ("" = every period). Unreadable
 * targets or periods give a "target_unreadable" note with the sheet row and header; blank
 * targets are simply absent. A table without an entity column gives an error naming the
 * headers seen. Headers are matched after folding (case, Vietnamese diacritics, full-width).
 */
import {
  DIMENSION_ROLES,
  type DataNote,
  type DimensionRole,
  type KpiId,
  type PeriodSpec,
  type RawCell,
  type SourceTable,
  type TargetEntry,
} from "../types";
import { KPI_REGISTRY } from "../kpis";
import { periodKey, periodLabel, parsePeriodLabel } from "../periods";
import { foldHeader } from "../roles/foldHeader";
import { matchHeader } from "../roles/headerMatch";
import { cellText } from "../values/cellText";
import { parseDate } from "../values/parseDate";
import { parseNumber } from "../values/parseNumber";

/** KPI id for each folded target header: the id itself and the KPI's own header words (kpis/*.ts). */
const KPI_BY_HEADER: ReadonlyMap<string, KpiId> = new Map(
  KPI_REGISTRY.flatMap((kpi) => [kpi.id, ...kpi.targetHeaders].map((h) => [foldHeader(h), kpi.id] as [string, KpiId])),
);

const TIER_COLUMN = /^\s*(?:margin[_ ]?mix|mix|tier|phân khúc|phan khuc|档次|檔次)\s*[:：]\s*(.+?)\s*$/i;

/** 2026-03-15, to show the expected period form in messages. */
const EXAMPLE_DAY = 46096;

const fold = (words: string[]) => new Set(words.map(foldHeader));
const PERIOD_HEADERS = fold([
  "period",
  "month",
  "quarter",
  "year",
  "week",
  "day",
  "date",
  "fiscal period",
  "kỳ",
  "kỳ đánh giá",
  "tháng",
  "quý",
  "năm",
  "tuần",
  "ngày",
  "期间",
  "期間",
  "月份",
  "季度",
  "年度",
  "月",
  "期",
  "周",
  "週",
  "日期",
]);
const KPI_COLUMN_HEADERS = fold([
  "kpi",
  "kpi id",
  "metric",
  "indicator",
  "measure",
  "chỉ số",
  "chỉ số kpi",
  "tên kpi",
  "指标",
  "指標",
  "考核指标",
  "考核指標",
]);
const TARGET_HEADERS = fold([
  "target",
  "goal",
  "target value",
  "value",
  "mục tiêu",
  "chỉ tiêu",
  "giá trị",
  "目标",
  "目標",
  "目标值",
  "目標值",
]);
const GENERIC_ENTITY_HEADERS = fold(["entity", "name", "tên", "đối tượng", "名称", "名稱", "对象", "對象", "姓名"]);

/** KPI id (or "margin_mix:<tier>") for a header or long-form kpi cell; null if it is not a known KPI. */
function kpiForName(name: string): string | null {
  const tier = TIER_COLUMN.exec(name);
  if (tier) return `margin_mix:${tier[1]}`;
  return KPI_BY_HEADER.get(foldHeader(name)) ?? null;
}

export function readTargets(
  table: SourceTable,
  spec: PeriodSpec,
  entityRole?: DimensionRole,
): { entries: TargetEntry[]; notes: DataNote[]; errors: string[] } {
  const headers = table.headers.map((h) => (h == null ? "" : String(h)));
  const folded = headers.map(foldHeader);
  const notes: DataNote[] = [];
  const errors: string[] = [];
  const entries: TargetEntry[] = [];
  const seen = headers.map((h, i) => (h.trim() === "" ? `(column ${i + 1})` : `"${h}"`)).join(", ");
  const label = (column: number) => (headers[column].trim() === "" ? `(column ${column + 1})` : headers[column]);

  const periodColumn = folded.findIndex((h) => PERIOD_HEADERS.has(h));
  const kpiColumn = folded.findIndex((h) => KPI_COLUMN_HEADERS.has(h));
  const targetColumn = folded.findIndex((h) => TARGET_HEADERS.has(h));
  const longForm = kpiColumn >= 0 && targetColumn >= 0;
  const reserved = new Set([periodColumn, kpiColumn, targetColumn].filter((c) => c >= 0));
  const entityColumn = findEntityColumn(headers, folded, reserved, entityRole);
  if (entityColumn < 0) {
    const examples = entityRole ? `${entityRole}` : "Salesperson, Region, Nhân viên kinh doanh, 销售员, 區域";
    errors.push(
      `Targets table "${table.sheet}" has no entity column (a header such as ${examples}). Headers seen: ${seen}.`,
    );
    return { entries, notes, errors };
  }
  reserved.add(entityColumn);

  const unreadable = (row: number, column: number, raw: RawCell, problem: string) =>
    notes.push({ kind: "target_unreadable", row, column: label(column), value: cellText(raw), problem });

  /** Wide-form target columns: KPI id per column, or the header for numeric custom columns. */
  const targetColumns: Array<{ column: number; kpi: string }> = [];
  if (!longForm) {
    headers.forEach((header, column) => {
      if (reserved.has(column) || header.trim() === "") return;
      const kpi = kpiForName(header);
      if (kpi) targetColumns.push({ column, kpi });
      else if (table.rows.some((r) => parseNumber(r?.[column]).kind === "value"))
        targetColumns.push({ column, kpi: header.trim() });
    });
    if (targetColumns.length === 0) {
      errors.push(
        `Targets table "${table.sheet}" has no target column: name columns by KPI (net_sales, Doanh thu, 销售额, margin_mix:premium …) or use a long form with KPI and Target columns. Headers seen: ${seen}.`,
      );
      return { entries, notes, errors };
    }
  }

  table.rows.forEach((cells, index) => {
    const row = table.firstRow + index;
    if (!cells || cells.every((c) => c === null || c === undefined || String(c).trim() === "")) return;
    const entity = cellText(cells[entityColumn]).trim();
    if (entity === "") {
      unreadable(row, entityColumn, cells[entityColumn], "no entity on this row; its targets are ignored");
      return;
    }
    let period = "";
    if (periodColumn >= 0) {
      const read = readPeriod(cells[periodColumn], spec);
      if (read === null) {
        unreadable(
          row,
          periodColumn,
          cells[periodColumn],
          `not a ${spec.kind} period (e.g. ${periodLabel(periodKey(EXAMPLE_DAY, spec), spec)}) or a date; the row is ignored`,
        );
        return;
      }
      period = read;
    }
    if (longForm) {
      const kpiText = cellText(cells[kpiColumn]).trim();
      if (kpiText === "") {
        unreadable(row, kpiColumn, cells[kpiColumn], "no KPI named on this row");
        return;
      }
      const target = parseNumber(cells[targetColumn]);
      if (target.kind === "value")
        entries.push({ entity, period, kpi: kpiForName(kpiText) ?? kpiText, target: target.value });
      else if (target.kind === "error")
        unreadable(row, targetColumn, cells[targetColumn], `${target.problem}; target ignored`);
      return;
    }
    for (const { column, kpi } of targetColumns) {
      const target = parseNumber(cells[column]);
      if (target.kind === "value") entries.push({ entity, period, kpi, target: target.value });
      else if (target.kind === "error") unreadable(row, column, cells[column], `${target.problem}; target ignored`);
    }
  });
  return { entries, notes, errors };
}

function findEntityColumn(
  headers: string[],
  folded: string[],
  reserved: Set<number>,
  entityRole?: DimensionRole,
): number {
  const candidates = headers.map((header, column) => ({
    column,
    hit: reserved.has(column) || kpiForName(header) ? null : matchHeader(header),
  }));
  const dimension = (role: string) => (DIMENSION_ROLES as readonly string[]).includes(role);
  const pick = (ok: (role: string) => boolean) => {
    const hits = candidates.filter((c) => c.hit && ok(c.hit.role));
    hits.sort((a, b) => b.hit!.confidence - a.hit!.confidence || a.column - b.column);
    return hits.length ? hits[0].column : -1;
  };
  let column = entityRole ? pick((r) => r === entityRole) : -1;
  if (column < 0) column = pick(dimension);
  if (column < 0) column = folded.findIndex((h, i) => !reserved.has(i) && GENERIC_ENTITY_HEADERS.has(h));
  return column;
}

/** The period label for a period cell; "" for blank (every period); null when unreadable. */
function readPeriod(raw: RawCell, spec: PeriodSpec): string | null {
  if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) return "";
  if (typeof raw === "string") {
    const key = parsePeriodLabel(raw, spec);
    if (key !== null) return periodLabel(key, spec);
    // A bare year ("2026") is a year label, not the serial day 2026 (1905-07-18).
    if (/^\s*(?:FY)?\s*\d{4}\s*$/i.test(raw)) return null;
  }
  if (typeof raw === "number" && Number.isInteger(raw) && raw >= 1900 && raw <= 9999) {
    return spec.kind === "year" ? periodLabel(parsePeriodLabel(String(raw), spec)!, spec) : null;
  }
  const date = parseDate(raw);
  return date.kind === "value" ? periodLabel(periodKey(date.value, spec), spec) : null;
}
