/**
 * Builds SalesData (the engine's typed columns) from readable rows, so KPI and scorecard tests state
 * their data as a short table instead of typed-array literals. A role is mapped when any row sets it
 * (or when `roles` lists it); a row that leaves a mapped field out has a blank cell there.
 */
import { ymdToSerial } from "../../../src/engine/values/excelSerial";
import {
  DEAL_STATUSES,
  type ColumnMapping,
  type DealStatus,
  type LabelColumn,
  type NumericRole,
  type Role,
  type SalesData,
  type Template,
  type TemplateKpi,
  type TextRole,
} from "../../../src/engine/types";

export interface FixtureRow {
  /** "2026-01-15"; omitted = blank date. */
  date?: string;
  salesperson?: string;
  region?: string;
  customer?: string;
  order_id?: string;
  product?: string;
  category?: string;
  margin_tier?: string;
  currency?: string;
  status?: DealStatus;
  new_product?: boolean;
  revenue?: number;
  quantity?: number;
  cost?: number;
  collected?: number;
  receivable?: number;
  bad_debt?: number;
  expense?: number;
  satisfaction?: number;
}

const NUMERIC: NumericRole[] = [
  "quantity",
  "revenue",
  "cost",
  "collected",
  "receivable",
  "bad_debt",
  "expense",
  "satisfaction",
];
const TEXT: TextRole[] = [
  "salesperson",
  "region",
  "customer",
  "order_id",
  "product",
  "category",
  "margin_tier",
  "currency",
];

export function serialOf(isoDate: string): number {
  const [y, m, d] = isoDate.split("-").map(Number);
  return ymdToSerial(y, m, d);
}

export function salesData(rows: FixtureRow[], roles: Role[] = []): SalesData {
  const mapped = new Set<Role>(roles);
  for (const row of rows) for (const key of Object.keys(row)) mapped.add(key as Role);
  mapped.add("date");
  const headers: string[] = [];
  const mapping: ColumnMapping = {};
  for (const role of mapped) {
    mapping[role] = headers.length;
    headers.push(role);
  }
  const n = rows.length;
  const numbers: SalesData["numbers"] = {};
  for (const role of NUMERIC) {
    if (!mapped.has(role)) continue;
    numbers[role] = Float64Array.from(rows, (r) => (r[role as keyof FixtureRow] as number | undefined) ?? NaN);
  }
  const labels: SalesData["labels"] = {};
  for (const role of TEXT) {
    if (mapped.has(role))
      labels[role] = labelColumn(rows.map((r) => r[role as keyof FixtureRow] as string | undefined));
  }
  return {
    length: n,
    sheetRows: Int32Array.from(rows, (_, i) => i + 2),
    dates: Float64Array.from(rows, (r) => (r.date ? serialOf(r.date) : NaN)),
    numbers,
    labels,
    newProduct: mapped.has("new_product")
      ? Uint8Array.from(rows, (r) => (r.new_product === undefined ? 255 : r.new_product ? 1 : 0))
      : undefined,
    status: mapped.has("status")
      ? Uint8Array.from(rows, (r) => DEAL_STATUSES.indexOf(r.status ?? "unknown"))
      : undefined,
    mapping,
    headers,
    sheet: "Sales",
    notes: [],
    rowsRead: n,
    rowsSkipped: 0,
  };
}

function labelColumn(cells: Array<string | undefined>): LabelColumn {
  const values: string[] = [];
  const index = new Map<string, number>();
  const codes = Int32Array.from(cells, (cell) => {
    if (cell === undefined || cell === "") return -1;
    let code = index.get(cell);
    if (code === undefined) {
      code = values.length;
      index.set(cell, code);
      values.push(cell);
    }
    return code;
  });
  return { codes, values };
}

/** A template scoring `kpis` (default weight 100 / count), monthly, by salesperson rolled up by region. */
export function templateWith(
  kpis: Array<Partial<TemplateKpi> & Pick<TemplateKpi, "kpi">>,
  over: Partial<Template> = {},
): Template {
  return {
    schemaVersion: 1,
    id: "test",
    version: "1",
    names: { en: "Test", vi: "Test", "zh-Hans": "Test", "zh-Hant": "Test" },
    groupBy: "salesperson",
    rollup: ["region"],
    period: { kind: "month", fiscalYearStartMonth: 1 },
    gateCap: 0.8,
    payout: {
      threshold: 0,
      points: [
        { attainment: 0, payout: 0 },
        { attainment: 2, payout: 2 },
      ],
    },
    ...over,
    kpis: kpis.map((k) => ({ weight: 100 / kpis.length, target: { type: "fixed", value: 1 }, ...k })),
  };
}

/** A fixed clock well after any fixture date, so every period in the data is complete. */
export const LATER = new Date("2030-01-01T00:00:00Z");
