import type { ColumnMapping, Role } from "../types";

/**
 * Required roles the mapping lacks. Revenue counts as present when quantity and unit_price are
 * mapped, and cost when profit is, because the loader derives them (revenue = quantity ×
 * unit_price, cost = revenue − profit).
 */
export function rolesMissingFor(required: Role[], mapping: ColumnMapping): Role[] {
  const has = (role: Role) => mapping[role] !== undefined;
  const revenue = has("revenue") || (has("quantity") && has("unit_price"));
  return required.filter((role) => {
    if (role === "revenue") return !revenue;
    if (role === "cost") return !has("cost") && !(has("profit") && revenue);
    return !has(role);
  });
}
