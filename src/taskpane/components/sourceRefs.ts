/** SourceRef ⇄ the string value of a <select> option ("table:Sales", "sheet:Data", "selection"). */
import type { SourceInfo, SourceRef } from "../../workbook/contract";

export function sourceKey(ref: SourceRef | null): string {
  if (!ref) return "";
  return ref.kind === "selection" ? "selection" : `${ref.kind}:${ref.name}`;
}

export function sourceFromKey(key: string): SourceRef | null {
  if (key === "selection") return { kind: "selection" };
  const colon = key.indexOf(":");
  if (colon < 0) return null;
  const kind = key.slice(0, colon);
  const name = key.slice(colon + 1);
  return kind === "table" || kind === "sheet" ? { kind, name } : null;
}

export function infoKey(info: SourceInfo): string {
  return `${info.kind}:${info.name}`;
}
