/**
 * Reading an .xlsx (OPC) package's structure without parsing its big parts: the workbook's sheet
 * entries, relationship files and the parts they point to, and XML text escapes.
 */
import JSZip from "jszip";

export async function partText(zip: JSZip, name: string): Promise<string> {
  const file = zip.file(name);
  if (!file) throw new Error(`package part ${name} is missing`);
  return file.async("string");
}

export function unescapeXml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** One attribute of an element's start tag (still XML-escaped), or undefined. */
export function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/** A `<sheet>` entry of xl/workbook.xml. */
export interface WorkbookSheet {
  /** Unescaped sheet name. */
  name: string;
  sheetId: number;
  /** Relationship id in xl/_rels/workbook.xml.rels. */
  rid: string;
  /** The `<sheet …/>` element as written. */
  element: string;
}

/** The namespace prefix of workbook.xml's elements ("" or e.g. "x:"): valid XML that Excel, LibreOffice and openpyxl open. */
export function workbookPrefix(workbookXml: string): string {
  return /<([A-Za-z_][\w.-]*:)?workbook\b/.exec(workbookXml)?.[1] ?? "";
}

export function workbookSheets(workbookXml: string): WorkbookSheet[] {
  return [...workbookXml.matchAll(/<(?:[A-Za-z_][\w.-]*:)?sheet\b[^>]*?\/>/g)].map((m) => ({
    name: unescapeXml(attribute(m[0], "name") ?? ""),
    sheetId: Number(attribute(m[0], "sheetId")),
    rid: /\s[A-Za-z_][\w.-]*:id="([^"]*)"/.exec(m[0])?.[1] ?? "",
    element: m[0],
  }));
}

/** A relationship of a part; `target` is resolved to a part name (no leading "/"). */
export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  element: string;
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels"; "" (the package) → "_rels/.rels". */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** `target` of a relationship of `source`, as a part name. */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const segments = source.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== ".") segments.push(segment);
  }
  return segments.join("/");
}

export function parseRelationships(source: string, relsXml: string): Relationship[] {
  return [...relsXml.matchAll(/<Relationship\b[^>]*?\/>/g)].map((m) => {
    const external = attribute(m[0], "TargetMode") === "External";
    const target = unescapeXml(attribute(m[0], "Target") ?? "");
    return {
      id: attribute(m[0], "Id") ?? "",
      type: attribute(m[0], "Type") ?? "",
      target: external ? target : resolveTarget(source, target),
      external,
      element: m[0],
    };
  });
}

/** The relationships of `part` ("" for the package itself); none when it has no rels part. */
export async function relationshipsOf(zip: JSZip, part: string): Promise<Relationship[]> {
  const rels = relsPartOf(part);
  return zip.file(rels) ? parseRelationships(part, await partText(zip, rels)) : [];
}
