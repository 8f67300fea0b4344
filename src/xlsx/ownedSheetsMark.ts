/**
 * The CLI's ownership mark: which sheets of a package an earlier `apply` wrote, kept as the custom
 * document property `KpiScorecard.OwnedSheets` (docProps/custom.xml), which Excel keeps on save.
 * Its value is JSON `[[sheetId, "name"], …]`: a sheet is ours only while both its workbook sheetId
 * and the name we gave it still match, so a sheet the user made or renamed is never taken for ours.
 * Tuples keep the text under Excel's 255-character limit for property values (4 × 31-char names).
 */
import JSZip from "jszip";
import { attribute, escapeXml, partText, unescapeXml } from "./packageParts";

export const OWNED_SHEETS_PROPERTY = "KpiScorecard.OwnedSheets";

const CUSTOM_PART = "docProps/custom.xml";
const CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml";
const CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties";
/** The format id every user-defined property carries (MS-OLEPS FMTID_UserDefinedProperties). */
const USER_DEFINED_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";

export interface OwnedSheetMark {
  sheetId: number;
  name: string;
}

const PROPERTY = /<property\b[^>]*>[\s\S]*?<\/property>/g;

function isOwnedProperty(element: string): boolean {
  return unescapeXml(attribute(element.slice(0, element.indexOf(">") + 1), "name") ?? "") === OWNED_SHEETS_PROPERTY;
}

/** The mark of a package; empty when absent or not in the expected shape (then nothing is ours). */
export async function readOwnedSheets(zip: JSZip): Promise<OwnedSheetMark[]> {
  if (!zip.file(CUSTOM_PART)) return [];
  const property = (await partText(zip, CUSTOM_PART)).match(PROPERTY)?.find(isOwnedProperty);
  const value = property && /<vt:lpwstr>([\s\S]*?)<\/vt:lpwstr>/.exec(property)?.[1];
  if (!value) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(unescapeXml(value));
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed
    .filter((e): e is [number, string] => Array.isArray(e) && Number.isInteger(e[0]) && typeof e[1] === "string")
    .map(([sheetId, name]) => ({ sheetId, name }));
}

/** Sets the mark to `sheets`, keeping the package's other custom properties. */
export async function writeOwnedSheets(zip: JSZip, sheets: OwnedSheetMark[]): Promise<void> {
  const value = escapeXml(JSON.stringify(sheets.map((s) => [s.sheetId, s.name])));
  const existing = zip.file(CUSTOM_PART) ? await partText(zip, CUSTOM_PART) : null;
  if (existing === null) {
    zip.file(
      CUSTOM_PART,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
        `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
        `<property fmtid="${USER_DEFINED_FMTID}" pid="2" name="${OWNED_SHEETS_PROPERTY}"><vt:lpwstr>${value}</vt:lpwstr></property></Properties>`,
    );
    const types = await partText(zip, "[Content_Types].xml");
    zip.file(
      "[Content_Types].xml",
      types.replace("</Types>", `<Override PartName="/${CUSTOM_PART}" ContentType="${CUSTOM_TYPE}"/></Types>`),
    );
    const rels = await partText(zip, "_rels/.rels");
    zip.file(
      "_rels/.rels",
      rels.replace(
        "</Relationships>",
        `<Relationship Id="rIdKpiOwned" Type="${CUSTOM_REL}" Target="${CUSTOM_PART}"/></Relationships>`,
      ),
    );
    return;
  }
  // pids are unique in the part and start at 2.
  const others = (existing.match(PROPERTY) ?? []).filter((p) => !isOwnedProperty(p));
  const pid = Math.max(1, ...others.map((p) => Number(attribute(p, "pid") ?? 0))) + 1;
  const ours = `<property fmtid="${USER_DEFINED_FMTID}" pid="${pid}" name="${OWNED_SHEETS_PROPERTY}"><vt:lpwstr>${value}</vt:lpwstr></property>`;
  const withoutOurs = existing.replace(PROPERTY, (p) => (isOwnedProperty(p) ? "" : p));
  zip.file(
    CUSTOM_PART,
    /<Properties\b[^>]*\/>/.test(withoutOurs)
      ? withoutOurs.replace(/<Properties\b([^>]*)\/>/, `<Properties$1>${ours}</Properties>`)
      : withoutOurs.replace("</Properties>", `${ours}</Properties>`),
  );
}
