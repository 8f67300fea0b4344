/**
 * The ownership mark in a package (src/workbook/ownershipMark.ts, shared with the add-in): the
 * custom document property `KpiScorecard.OwnedSheets` (docProps/custom.xml, kept by Excel on save)
 * lists the sheets an earlier run wrote and a token; each of those sheets carries the hidden
 * sheet-local defined name `KpiScorecard.Owned` holding the same token (xl/workbook.xml).
 */
import JSZip from "jszip";
import {
  formatOwnershipMark,
  OWNED_SHEET_NAME,
  OWNED_SHEETS_PROPERTY,
  ownedNameFormula,
  parseOwnershipMark,
  tokenOfName,
  type OwnershipMark,
} from "../workbook/ownershipMark";
import { attribute, escapeXml, partText, unescapeXml, workbookSheets } from "./packageParts";

export { OWNED_SHEETS_PROPERTY };

const CUSTOM_PART = "docProps/custom.xml";
const CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml";
const CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties";
/** The format id every user-defined property carries (MS-OLEPS FMTID_UserDefinedProperties). */
const USER_DEFINED_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";

const PROPERTY = /<property\b[^>]*>[\s\S]*?<\/property>/g;

function isOwnedProperty(element: string): boolean {
  return unescapeXml(attribute(element.slice(0, element.indexOf(">") + 1), "name") ?? "") === OWNED_SHEETS_PROPERTY;
}

/** The mark of a package; null when absent or not in the expected shape (then nothing is ours). */
export async function readOwnershipMark(zip: JSZip): Promise<OwnershipMark | null> {
  if (!zip.file(CUSTOM_PART)) return null;
  const property = (await partText(zip, CUSTOM_PART)).match(PROPERTY)?.find(isOwnedProperty);
  const value = property && /<vt:lpwstr>([\s\S]*?)<\/vt:lpwstr>/.exec(property)?.[1];
  return value ? parseOwnershipMark(unescapeXml(value)) : null;
}

const DEFINED_NAME = /<definedName\b[^>]*>[\s\S]*?<\/definedName>/g;

function isOwnedName(element: string): boolean {
  return unescapeXml(attribute(element.slice(0, element.indexOf(">") + 1), "name") ?? "") === OWNED_SHEET_NAME;
}

/** Each sheet of workbook.xml with the token of its local KpiScorecard.Owned name (null when none). */
export function sheetTokens(workbookXml: string): Array<{ name: string; token: string | null }> {
  const tokens = new Map<number, string | null>();
  for (const element of workbookXml.match(DEFINED_NAME) ?? []) {
    if (!isOwnedName(element)) continue;
    const local = attribute(element.slice(0, element.indexOf(">") + 1), "localSheetId");
    if (local === undefined || local === null) continue;
    tokens.set(Number(local), tokenOfName(unescapeXml(element.replace(/^<definedName\b[^>]*>|<\/definedName>$/g, ""))));
  }
  return workbookSheets(workbookXml).map((s, i) => ({ name: s.name, token: tokens.get(i) ?? null }));
}

/**
 * Marks `names` (sheets of the package) as ours: the custom property, and a hidden name local to
 * each sheet holding the token. Earlier local marks are dropped first (one per sheet).
 */
export async function writeOwnedSheets(zip: JSZip, mark: OwnershipMark): Promise<void> {
  let workbook = await partText(zip, "xl/workbook.xml");
  workbook = workbook.replace(DEFINED_NAME, (e) => (isOwnedName(e) ? "" : e));
  const sheets = workbookSheets(workbook);
  const names = mark.sheets
    .map((name) => sheets.findIndex((s) => s.name === name))
    .filter((i) => i >= 0)
    .map(
      (i) =>
        `<definedName name="${OWNED_SHEET_NAME}" localSheetId="${i}" hidden="1">${escapeXml(ownedNameFormula(mark.token))}</definedName>`,
    )
    .join("");
  if (/<definedNames\s*\/>/.test(workbook))
    workbook = workbook.replace(/<definedNames\s*\/>/, `<definedNames>${names}</definedNames>`);
  else if (workbook.includes("</definedNames>"))
    workbook = workbook.replace("</definedNames>", `${names}</definedNames>`);
  else workbook = workbook.replace("</sheets>", `</sheets><definedNames>${names}</definedNames>`);
  zip.file("xl/workbook.xml", workbook);
  await writeOwnedProperty(zip, formatOwnershipMark(mark));
}

async function writeOwnedProperty(zip: JSZip, text: string): Promise<void> {
  const value = escapeXml(text);
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
