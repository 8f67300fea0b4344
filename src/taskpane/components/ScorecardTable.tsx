/**
 * The scorecard after Apply as a compact table: entity (indented by roll-up level), score, payout and
 * one status mark per KPI. Siblings are sorted by score, highest first, under their parent, so the
 * hierarchy stays. Choosing an entity selects its row in the scorecard sheet.
 */
import { useState } from "react";
import { Link, makeStyles, MessageBar, MessageBarBody, Text, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Lang } from "../../engine/types";
import { formatPercent } from "../../i18n/format";
import { entityLabel, HEADERS, localWord, STATUS_WORDS } from "../../workbook/labels";
import { STATUS_DOT_COLORS } from "../../workbook/palette";
import type { Outcome } from "../paneActions";
import type { ScorecardTableData, ScorecardTableRow } from "../state/paneState";
import { useDarkTheme } from "./paneTheme";
import { useLang } from "./useLang";

const INDENT_PX = 12;

const useStyles = makeStyles({
  wrap: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    marginTop: tokens.spacingVerticalM,
    overflowX: "auto",
  },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  head: {
    textAlign: "start",
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground3,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
  },
  cell: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    verticalAlign: "middle",
  },
  // Headers may wrap (long in vi); numbers and the marks never do, so the marks stay in view.
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  nowrap: { whiteSpace: "nowrap" },
  subtotal: { fontWeight: tokens.fontWeightSemibold },
  marks: { display: "flex", gap: "3px", alignItems: "center" },
});

/** Siblings by score (highest first, no score last, ties in sheet order), each followed by its own children. */
export function orderRows(rows: ScorecardTableRow[]): ScorecardTableRow[] {
  const parentOf = (row: ScorecardTableRow) =>
    rows.find((p) => p.depth === row.depth - 1 && p.entity === row.parent) ?? null;
  const children = new Map<ScorecardTableRow | null, ScorecardTableRow[]>();
  for (const row of rows) {
    const parent = parentOf(row);
    children.set(parent, [...(children.get(parent) ?? []), row]);
  }
  const byScore = (a: ScorecardTableRow, b: ScorecardTableRow) =>
    (b.score ?? -Infinity) - (a.score ?? -Infinity) || rows.indexOf(a) - rows.indexOf(b);
  const out: ScorecardTableRow[] = [];
  const visit = (parent: ScorecardTableRow | null) => {
    for (const row of [...(children.get(parent) ?? [])].sort(byScore)) {
      out.push(row);
      visit(row);
    }
  };
  visit(null);
  return out;
}

type Shape = "circle" | "triangle" | "square" | "ring";
const SHAPES: Record<string, Shape> = { met: "circle", at_risk: "triangle", missed: "square" };

/** A status mark: colour and shape per status (never colour alone), named for screen readers and on hover. */
function StatusMark({ status, label, dark }: { status: string | null; label: string; dark: boolean }) {
  const known = status !== null && status in STATUS_DOT_COLORS;
  const colour = known
    ? STATUS_DOT_COLORS[status as keyof typeof STATUS_DOT_COLORS][dark ? "dark" : "light"]
    : tokens.colorNeutralForeground3;
  const shape: Shape = status !== null ? (SHAPES[status] ?? "circle") : "ring";
  return (
    <svg width="10" height="10" viewBox="0 0 10 10" role="img" aria-label={label} data-status={status ?? "none"}>
      <title>{label}</title>
      {shape === "circle" && <circle cx="5" cy="5" r="4.5" fill={colour} />}
      {shape === "triangle" && <polygon points="5,0.5 9.5,9.5 0.5,9.5" fill={colour} />}
      {shape === "square" && <rect x="1" y="1" width="8" height="8" fill={colour} />}
      {shape === "ring" && <circle cx="5" cy="5" r="4" fill="none" stroke={colour} strokeWidth="1.2" />}
    </svg>
  );
}

export interface ScorecardTableProps {
  data: ScorecardTableData;
  onSelectRow: (sheet: string, row: number) => Promise<Outcome<object>>;
  /** Told which row the user chose (the drivers view follows it). */
  onChoose?: (row: ScorecardTableRow) => void;
}

export function ScorecardTable({ data, onSelectRow, onChoose }: ScorecardTableProps) {
  const { t } = useTranslation();
  const lang: Lang = useLang();
  const dark = useDarkTheme();
  const styles = useStyles();
  const [error, setError] = useState<string | null>(null);
  const deepest = Math.max(...data.rows.map((r) => r.depth));
  const percent = (v: number | null) => (v === null ? "–" : formatPercent(v, lang, 0));

  const select = async (row: ScorecardTableRow) => {
    onChoose?.(row);
    const outcome = await onSelectRow(data.sheet, row.sheetRow);
    setError(outcome.ok ? null : outcome.message);
  };

  return (
    <section className={styles.wrap} aria-label={t("table.caption")}>
      <Text size={200}>{t("table.hint")}</Text>
      <table className={styles.table}>
        <thead>
          <tr>
            <th className={styles.head} scope="col">
              {HEADERS.entity[lang]}
            </th>
            <th className={`${styles.head} ${styles.number}`} scope="col">
              {HEADERS.weightedScore[lang]}
            </th>
            <th className={`${styles.head} ${styles.number}`} scope="col">
              {HEADERS.payout[lang]}
            </th>
            <th className={styles.head} scope="col">
              {t("table.status")}
            </th>
          </tr>
        </thead>
        <tbody>
          {orderRows(data.rows).map((row) => {
            const name = entityLabel(row.entity, row.level, lang);
            const subtotal = row.depth < deepest;
            return (
              <tr key={row.sheetRow} className={subtotal ? styles.subtotal : undefined}>
                <td className={styles.cell} style={{ paddingInlineStart: `${4 + row.depth * INDENT_PX}px` }}>
                  <Link as="button" onClick={() => void select(row)} data-depth={row.depth}>
                    {name}
                  </Link>
                </td>
                <td className={`${styles.cell} ${styles.number} ${styles.nowrap}`}>{percent(row.score)}</td>
                <td className={`${styles.cell} ${styles.number} ${styles.nowrap}`}>{percent(row.payout)}</td>
                <td className={`${styles.cell} ${styles.nowrap}`}>
                  <span className={styles.marks}>
                    {data.kpis.map((kpi) => {
                      const status = row.statuses[kpi.id] ?? null;
                      const word = status === null ? t("table.noStatus") : localWord(STATUS_WORDS, status, lang);
                      return (
                        <StatusMark
                          key={kpi.id}
                          status={status}
                          dark={dark}
                          label={t("table.mark", { kpi: kpi.names[lang], status: word })}
                        />
                      );
                    })}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {error && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
