/**
 * Adds the worksheets of a small .xlsx package (the scorecard sheets, written by ExcelJS) to the
 * input workbook's package, part by part. The input's own parts are copied byte for byte, never
 * parsed into a model, so the source rows stay identical and memory does not grow with them.
 * Added sheets get inline strings (no shared-string merge), shifted style and rule indexes
 * (mergeStyles.ts), renumbered table parts, and entries in the workbook, its relationships and
 * the content types.
 */
import JSZip from "jszip";
import { mergeStyles } from "./mergeStyles";
import { partText as text, workbookPrefix, workbookSheets } from "./packageParts";

const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const TABLE_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
const WORKSHEET_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const STYLES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const RELS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Sheet names of a package's workbook.xml, unescaped, in order. */
export async function packageSheetNames(zip: JSZip): Promise<string[]> {
  return workbookSheets(await text(zip, "xl/workbook.xml")).map((s) => s.name);
}

/** `<c t="s"><v>i</v></c>` → `<c t="inlineStr"><is>…</is></c>`, from the package's shared strings. */
function inlineStrings(sheet: string, shared: string[]): string {
  return sheet.replace(
    /<c\b([^>]*?)\st="s"([^>]*)><v>(\d+)<\/v><\/c>/g,
    (_m, a: string, b: string, i: string) => `<c${a} t="inlineStr"${b}><is>${shared[Number(i)]}</is></c>`,
  );
}

function shiftStyles(sheet: string, xfOffset: number, dxfOffset: number): string {
  return sheet
    .replace(/(<(?:c|row)\b[^>]*?\ss=")(\d+)"/g, (_m, head: string, n: string) => `${head}${Number(n) + xfOffset}"`)
    .replace(/(<col\b[^>]*?\sstyle=")(\d+)"/g, (_m, head: string, n: string) => `${head}${Number(n) + xfOffset}"`)
    .replace(/(\sdxfId=")(\d+)"/g, (_m, head: string, n: string) => `${head}${Number(n) + dxfOffset}"`)
    .replace(/\stabSelected="1"/g, "");
}

/** An added sheet: its part in the package and its name as written in workbook.xml (XML-escaped). */
export interface AddedSheet {
  part: string;
  escapedName: string;
  /** Its sheetId in workbook.xml. */
  sheetId: number;
}

function nextNumber(names: string[], pattern: RegExp): number {
  return Math.max(0, ...names.map((n) => Number(pattern.exec(n)?.[1] ?? 0))) + 1;
}

/**
 * Returns `base` with every worksheet of `added` appended after its own sheets. Sheet names must
 * already be free in `base` (the caller picks them with freeSheetName).
 * `fixSheet` may rewrite each added sheet's XML (rule fixes for Excel).
 */
export async function addSheetsToPackage(
  base: JSZip,
  added: JSZip,
  fixSheet: (xml: string) => string = (x) => x,
): Promise<AddedSheet[]> {
  const names = Object.keys(base.files);
  const baseTableIds: number[] = [];
  const baseTableNames = new Set<string>();
  for (const name of names.filter((n) => /^xl\/tables\/[^/]+\.xml$/.test(n))) {
    const xml = await text(base, name);
    baseTableIds.push(Number(/<table\b[^>]*\sid="(\d+)"/.exec(xml)?.[1] ?? 0));
    const tableName = /<table\b[^>]*\sname="([^"]+)"/.exec(xml)?.[1];
    if (tableName) baseTableNames.add(tableName.toLowerCase());
  }
  let sheetNo = nextNumber(names, /^xl\/worksheets\/sheet(\d+)\.xml$/);
  let tableNo = nextNumber(names, /^xl\/tables\/table(\d+)\.xml$/);
  let tableId = Math.max(0, ...baseTableIds) + 1;

  // A package without styles (valid: some generators write none) takes the added sheets' styles.
  const hasStyles = base.file("xl/styles.xml") !== null;
  const addedStyles = await text(added, "xl/styles.xml");
  const styles = hasStyles
    ? mergeStyles(await text(base, "xl/styles.xml"), addedStyles)
    : { xml: addedStyles, xfOffset: 0, dxfOffset: 0 };
  base.file("xl/styles.xml", styles.xml);
  const sharedXml = added.file("xl/sharedStrings.xml") ? await text(added, "xl/sharedStrings.xml") : "";
  const shared = [...sharedXml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]);

  let workbook = await text(base, "xl/workbook.xml");
  let rels = await text(base, "xl/_rels/workbook.xml.rels");
  let types = await text(base, "[Content_Types].xml");
  let sheetId = Math.max(0, ...[...workbook.matchAll(/<sheet\b[^>]*\ssheetId="(\d+)"/g)].map((m) => Number(m[1]))) + 1;

  const addedWorkbook = await text(added, "xl/workbook.xml");
  const addedRels = await text(added, "xl/_rels/workbook.xml.rels");
  const newSheets: string[] = [];
  const newRels: string[] = [];
  const newTypes: string[] = [];
  const result: AddedSheet[] = [];
  for (const sheet of addedWorkbook.matchAll(/<sheet\b[^>]*\sname="([^"]*)"[^>]*\sr:id="([^"]+)"/g)) {
    const [, escapedName, rid] = sheet;
    const target =
      new RegExp(`<Relationship\\b[^>]*\\sId="${rid}"[^>]*\\sTarget="([^"]+)"`).exec(addedRels)?.[1] ??
      new RegExp(`<Relationship\\b[^>]*\\sTarget="([^"]+)"[^>]*\\sId="${rid}"`).exec(addedRels)![1];
    const part = `xl/${target.replace(/^\/?xl\//, "")}`;
    const file = `sheet${sheetNo++}.xml`;
    const xml = fixSheet(
      shiftStyles(inlineStrings(await text(added, part), shared), styles.xfOffset, styles.dxfOffset),
    );

    // Tables of the sheet: new part names, workbook-unique ids and names.
    const partRels = part.replace(/worksheets\/([^/]+)$/, "worksheets/_rels/$1.rels");
    if (added.file(partRels)) {
      let sheetRels = await text(added, partRels);
      for (const rel of sheetRels.matchAll(/Target="\.\.\/tables\/([^"]+)"/g)) {
        let table = await text(added, `xl/tables/${rel[1]}`);
        const tableFile = `table${tableNo++}.xml`;
        table = table.replace(/(<table\b[^>]*\sid=")\d+"/, `$1${tableId++}"`);
        const tableName = /<table\b[^>]*\sname="([^"]+)"/.exec(table)![1];
        let unique = tableName;
        for (let n = 2; baseTableNames.has(unique.toLowerCase()); n++) unique = `${tableName}${n}`;
        baseTableNames.add(unique.toLowerCase());
        table = table
          .replace(`name="${tableName}"`, `name="${unique}"`)
          .replace(`displayName="${tableName}"`, `displayName="${unique}"`);
        base.file(`xl/tables/${tableFile}`, table);
        newTypes.push(`<Override PartName="/xl/tables/${tableFile}" ContentType="${TABLE_TYPE}"/>`);
        sheetRels = sheetRels.replace(`Target="../tables/${rel[1]}"`, `Target="../tables/${tableFile}"`);
      }
      base.file(`xl/worksheets/_rels/${file}.rels`, sheetRels);
    }
    base.file(`xl/worksheets/${file}`, xml);
    result.push({ part: `xl/worksheets/${file}`, escapedName, sheetId });
    const newRid = `rIdKpi${sheetId}`;
    newSheets.push(`<sheet name="${escapedName}" sheetId="${sheetId++}" r:id="${newRid}"/>`);
    newRels.push(`<Relationship Id="${newRid}" Type="${WORKSHEET_REL}" Target="worksheets/${file}"/>`);
    newTypes.push(`<Override PartName="/xl/worksheets/${file}" ContentType="${WORKSHEET_TYPE}"/>`);
  }
  if (!hasStyles) {
    newRels.push(`<Relationship Id="rIdKpiStyles" Type="${STYLES_REL}" Target="styles.xml"/>`);
    if (!types.includes('PartName="/xl/styles.xml"'))
      newTypes.push(`<Override PartName="/xl/styles.xml" ContentType="${STYLES_TYPE}"/>`);
  }
  // workbook.xml may use a namespace prefix (<x:sheets>): write the new entries in its spelling.
  const prefix = workbookPrefix(workbook);
  const relsPrefix = new RegExp(`xmlns:([\\w.-]+)="${RELS_NS}"`).exec(workbook)?.[1];
  const spelled = newSheets.map((sheet) =>
    sheet
      .replace("<sheet ", `<${prefix}sheet `)
      .replace(" r:id=", relsPrefix ? ` ${relsPrefix}:id=` : ` xmlns:r="${RELS_NS}" r:id=`),
  );
  workbook = workbook.replace(`</${prefix}sheets>`, spelled.join("") + `</${prefix}sheets>`);
  rels = rels.replace("</Relationships>", newRels.join("") + "</Relationships>");
  types = types.replace("</Types>", newTypes.join("") + "</Types>");
  base.file("xl/workbook.xml", workbook);
  base.file("xl/_rels/workbook.xml.rels", rels);
  base.file("[Content_Types].xml", types);
  return result;
}
