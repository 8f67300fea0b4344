/** Scoring formulas of product.md §5, shared by the task pane, the workbook writers and the command line. */
export { DEFAULT_BANDS } from "./defaultBands";
export { attainment, DEFAULT_SCORE_CAP } from "./attainment";
export type { TargetRange } from "./attainment";
export { statusFor } from "./statusFor";
export { clampScore } from "./clampScore";
export { weightedScore } from "./weightedScore";
export { payoutFor } from "./payoutFor";
