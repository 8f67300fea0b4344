/**
 * Every colour the output writes, with the text colour drawn on each fill. A test checks each pair
 * meets WCAG AA (contrast ≥ 4.5:1 for text); cells without a font colour carry Excel's black text.
 */
import { BAD_DEBT_FILL, BAD_DEBT_FONT, NEGATIVE_MARGIN_FILL, NEGATIVE_MARGIN_FONT } from "./sourceRules";

/** Excel's "light red fill with dark red text": only on the gate and payout cells of a failed-gate row. */
export const FAILED_GATE_FILL = "#FFC7CE";
export const FAILED_GATE_FONT = "#9C0006";
/** Data bars run behind the cell's (black) number, so the bar is light. */
export const SCORE_BAR_COLOR = "#9DC3E6";
/**
 * Chart lines, by series: Excel's Office theme accents 1-6 (its default line colours), then their
 * darker shades, so the total and up to eight entities each get their own colour.
 */
export const LINE_COLORS = [
  "#4472C4",
  "#ED7D31",
  "#A5A5A5",
  "#FFC000",
  "#5B9BD5",
  "#70AD47",
  "#264478",
  "#9E480E",
  "#636363",
  "#997300",
];
/** A target line: dashed and grey, so it reads as the line to reach, not as one more entity. */
export const TARGET_LINE_COLOR = "#7F7F7F";
/** Excel's default cell text. */
export const DEFAULT_TEXT = "#000000";

/** Text colour → the fills it is drawn on, for the contrast test. */
export const TEXT_ON_FILL: ReadonlyArray<{ what: string; text: string; fill: string }> = [
  { what: "failed gate", text: FAILED_GATE_FONT, fill: FAILED_GATE_FILL },
  { what: "number over a score bar", text: DEFAULT_TEXT, fill: SCORE_BAR_COLOR },
  { what: "bad debt (source)", text: BAD_DEBT_FONT, fill: BAD_DEBT_FILL },
  { what: "negative margin (source)", text: NEGATIVE_MARGIN_FONT, fill: NEGATIVE_MARGIN_FILL },
];

/** WCAG 2 relative luminance of "#RRGGBB". */
export function relativeLuminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG 2 contrast ratio (1 .. 21) of two "#RRGGBB" colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Status dots in the task pane, per theme (light on white, dark on Fluent's #292929): shapes, so
 * WCAG's non-text contrast (3:1) applies; the status word is always next to them.
 */
export const STATUS_DOT_COLORS: Record<"met" | "at_risk" | "missed", { light: string; dark: string }> = {
  met: { light: "#107C10", dark: "#54B054" },
  at_risk: { light: "#BC4B09", dark: "#F4BF4F" },
  missed: { light: "#C50F1F", dark: "#F1707B" },
};
