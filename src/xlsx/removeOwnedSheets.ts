/**
 * Drops the sheets an earlier `apply` wrote (ownedSheetsMark.ts) from a package, with every part
 * only they used: worksheet, its rels, tables, drawings, charts (and whatever those point to),
 * their content-type overrides, the workbook's sheet entries and relationships, defined names
 * local to them, their titles in docProps/app.xml, and calcChain.xml when it refers to them
 * (Excel rebuilds it). Sheets not in the mark, and parts anything else still uses, stay as they are.
 */
import JSZip from "jszip";
import { ownedSheetNames } from "../workbook/ownershipMark";
import { readOwnershipMark, sheetTokens } from "./ownedSheetsMark";
import {
  escapeXml,
  partText,
  relationshipsOf,
  relsPartOf,
  unescapeXml,
  workbookSheets,
  type WorkbookSheet,
} from "./packageParts";

const WORKBOOK = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
const CALC_CHAIN_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain";

/** Parts reachable from `starts` through relationships (internal targets only). */
async function reachable(zip: JSZip, starts: string[]): Promise<Set<string>> {
  const seen = new Set<string>();
  const queue = [...starts];
  while (queue.length > 0) {
    const part = queue.pop()!;
    if (seen.has(part)) continue;
    seen.add(part);
    for (const rel of await relationshipsOf(zip, part)) if (!rel.external) queue.push(rel.target);
  }
  return seen;
}

/** Rewrites localSheetId (an index into <sheets>) after sheets are dropped; drops names local to them. */
function fixDefinedNames(workbook: string, newIndex: (old: number) => number | null): string {
  return workbook.replace(/<definedName\b[^>]*>[\s\S]*?<\/definedName>/g, (name) => {
    const local = /\slocalSheetId="(\d+)"/.exec(name);
    if (!local) return name;
    const index = newIndex(Number(local[1]));
    return index === null ? "" : name.replace(local[0], ` localSheetId="${index}"`);
  });
}

function fixBookViews(workbook: string, newIndex: (old: number) => number | null): string {
  return workbook.replace(
    /(<workbookView\b[^>]*?\s(?:activeTab|firstSheet)=")(\d+)"/g,
    (_m, head: string, n: string) => {
      return `${head}${newIndex(Number(n)) ?? 0}"`;
    },
  );
}

/** Removes the dropped sheets' names from the Worksheets titles of docProps/app.xml, when listed. */
async function fixAppTitles(zip: JSZip, dropped: Set<string>): Promise<void> {
  if (!zip.file("docProps/app.xml")) return;
  const app = await partText(zip, "docProps/app.xml");
  const count = /(<vt:lpstr>Worksheets<\/vt:lpstr><\/vt:variant><vt:variant><vt:i4>)(\d+)</.exec(app);
  const titles = /(<TitlesOfParts><vt:vector size=")(\d+)("[^>]*>)([\s\S]*?)(<\/vt:vector>)/.exec(app);
  if (!count || !titles) return;
  const entries = titles[4].match(/<vt:lpstr>[\s\S]*?<\/vt:lpstr>|<vt:lpstr\/>/g) ?? [];
  // Worksheets come first in HeadingPairs, so their titles are the first `count` entries.
  const worksheets = Number(count[2]);
  const kept = entries.filter(
    (e, i) => i >= worksheets || !dropped.has(unescapeXml(e.replace(/<\/?vt:lpstr\/?>/g, ""))),
  );
  const removed = entries.length - kept.length;
  if (removed === 0) return;
  zip.file(
    "docProps/app.xml",
    app
      .replace(count[0], `${count[1]}${worksheets - removed}<`)
      .replace(titles[0], `${titles[1]}${kept.length}${titles[3]}${kept.join("")}${titles[5]}`),
  );
}

/** Drops the calc chain when it lists a cell of a dropped sheet (its i attribute is the sheetId). */
async function dropStaleCalcChain(zip: JSZip, sheetIds: Set<number>): Promise<string | null> {
  const rel = (await relationshipsOf(zip, WORKBOOK)).find((r) => r.type === CALC_CHAIN_REL);
  if (!rel || !zip.file(rel.target)) return null;
  const chain = await partText(zip, rel.target);
  const stale = [...chain.matchAll(/<c\b[^>]*\si="(\d+)"/g)].some((m) => sheetIds.has(Number(m[1])));
  return stale ? rel.target : null;
}

/**
 * Removes the owned sheets of `zip` (listed in the mark AND bearing its token in their own local
 * name; ownershipMark.ts) and returns them. `keep` names sheets never removed whatever the mark
 * says (the sheet the run reads from). A package without the mark is left as it is.
 */
export async function removeOwnedSheets(zip: JSZip, keep: string[] = []): Promise<WorkbookSheet[]> {
  const mark = await readOwnershipMark(zip);
  if (!mark) return [];
  let workbook = await partText(zip, WORKBOOK);
  const sheets = workbookSheets(workbook);
  const ours = new Set(ownedSheetNames(mark, sheetTokens(workbook), keep));
  const owned = sheets.filter((s) => ours.has(s.name));
  if (owned.length === 0) return [];
  const ownedRids = new Set(owned.map((s) => s.rid));
  const ownedIds = new Set(owned.map((s) => s.sheetId));
  const calcChain = await dropStaleCalcChain(zip, ownedIds);

  // What the dropped sheets use; of that, what nothing kept still reaches goes.
  const workbookRels = await relationshipsOf(zip, WORKBOOK);
  const droppedRels = workbookRels.filter((r) => ownedRids.has(r.id) || r.target === calcChain);
  const used = await reachable(
    zip,
    droppedRels.map((r) => r.target),
  );
  let relsXml = await partText(zip, WORKBOOK_RELS);
  for (const rel of droppedRels) relsXml = relsXml.replace(rel.element, "");
  zip.file(WORKBOOK_RELS, relsXml);
  const kept = await reachable(zip, [""]);
  const orphans = [...used].filter((part) => !kept.has(part));

  let types = await partText(zip, "[Content_Types].xml");
  for (const part of orphans) {
    zip.remove(part);
    zip.remove(relsPartOf(part));
    types = types.replace(
      new RegExp(
        `<Override\\b[^>]*\\sPartName="/${escapeXml(part).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*/>`,
        "i",
      ),
      "",
    );
  }
  zip.file("[Content_Types].xml", types);

  // Old index → new index among the remaining sheets (null for a dropped sheet).
  const newIndexes: Array<number | null> = [];
  let next = 0;
  for (const s of sheets) newIndexes.push(ownedRids.has(s.rid) ? null : next++);
  const newIndex = (old: number) => newIndexes[old] ?? null;
  for (const s of owned) workbook = workbook.replace(s.element, "");
  workbook = fixBookViews(fixDefinedNames(workbook, newIndex), newIndex);
  zip.file(WORKBOOK, workbook);
  await fixAppTitles(zip, new Set(owned.map((s) => s.name)));
  return owned;
}
