import type { StatusBand } from "../types";

/**
 * Status bands used when a template sets none (product.md §5): met ≥ 100 %, at risk ≥ 90 %, missed below.
 * Ordered from the highest min to the lowest. The lowest band's min is a finite 0 (JSON has no -Infinity);
 * statusFor gives the lowest band to any attainment below it too, so "missed" really means "everything below 90 %".
 */
export const DEFAULT_BANDS: StatusBand[] = Object.freeze([
  Object.freeze({ status: "met", min: 1, color: "#107C10" }),
  Object.freeze({ status: "at_risk", min: 0.9, color: "#FFB900" }),
  Object.freeze({ status: "missed", min: 0, color: "#D13438" }),
]) as StatusBand[]; // frozen: shared by every template that sets no bands
