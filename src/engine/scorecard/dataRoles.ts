import type { Role, SalesData } from "../types";

/** Whether the data carries a role: mapped, or derived by the data layer (revenue from quantity × price). */
export function dataHasRole(data: SalesData, role: Role): boolean {
  if (role === "date") return data.mapping.date !== undefined;
  if (role === "new_product") return data.newProduct !== undefined;
  if (role === "status") return data.status !== undefined;
  if (role in data.numbers) return data.numbers[role as keyof SalesData["numbers"]] !== undefined;
  if (role in data.labels) return data.labels[role as keyof SalesData["labels"]] !== undefined;
  return data.mapping[role] !== undefined;
}

/** Whether a role's column holds at least one readable value (SMART "measurable"). */
export function roleHasValues(data: SalesData, role: Role): boolean {
  const has = (n: number, test: (i: number) => boolean) => {
    for (let i = 0; i < n; i++) if (test(i)) return true;
    return false;
  };
  if (role === "date") return has(data.length, (i) => data.dates[i] === data.dates[i]);
  if (role === "new_product") return !!data.newProduct && has(data.length, (i) => data.newProduct![i] <= 1);
  if (role === "status") return !!data.status && has(data.length, (i) => data.status![i] !== 0);
  const numbers = data.numbers[role as keyof SalesData["numbers"]];
  if (numbers) return has(data.length, (i) => numbers[i] === numbers[i]);
  const labels = data.labels[role as keyof SalesData["labels"]];
  if (labels) return has(data.length, (i) => labels.codes[i] >= 0);
  return false;
}
