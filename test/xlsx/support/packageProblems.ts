/** Structural problems of an .xlsx package: dangling relationships, overrides or orphan parts. */
import JSZip from "jszip";
import { relationshipsOf, relsPartOf } from "../../../src/xlsx/packageParts";

export async function packageProblems(zip: JSZip): Promise<string[]> {
  const problems: string[] = [];
  const parts = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  // Every internal relationship target exists; collect what the package root reaches.
  const reached = new Set<string>();
  const queue = [""];
  while (queue.length > 0) {
    const part = queue.pop()!;
    if (reached.has(part)) continue;
    reached.add(part);
    for (const rel of await relationshipsOf(zip, part)) {
      if (rel.external) continue;
      if (!zip.file(rel.target)) problems.push(`${relsPartOf(part)} ${rel.id} → missing ${rel.target}`);
      else queue.push(rel.target);
    }
  }
  for (const rels of parts.filter((p) => p.endsWith(".rels") && p !== "_rels/.rels")) {
    const owner = rels.replace(/_rels\/([^/]+)\.rels$/, "$1");
    if (!zip.file(owner)) problems.push(`${rels} belongs to missing ${owner}`);
  }
  const types = await zip.file("[Content_Types].xml")!.async("string");
  for (const m of types.matchAll(/<Override\b[^>]*\sPartName="\/([^"]+)"/g))
    if (!zip.file(m[1])) problems.push(`content-type override for missing ${m[1]}`);
  for (const part of parts) {
    if (part.endsWith(".rels") || part === "[Content_Types].xml") continue;
    if (!reached.has(part)) problems.push(`orphan part ${part}`);
    else if (
      /^xl\/(worksheets|tables|charts|drawings)\/[^/]+\.xml$/.test(part) &&
      !types.includes(`PartName="/${part}"`)
    )
      problems.push(`no content type for ${part}`);
  }
  return problems;
}
