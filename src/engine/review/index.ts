/** The target review (issue 13 §4): findings and suggested targets over a scorecard's history. */
export { reviewTargets, type ReviewInput } from "./reviewTargets";
export { reviewText, reviewItemText, amountText } from "./reviewText";
export * from "./reviewRules";
