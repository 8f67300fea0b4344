/** Reads parts of a written .xlsx package for XML assertions. */
import * as fs from "fs";
import JSZip from "jszip";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The worksheet XML of the sheet with this name. */
export async function sheetXml(file: string, sheetName: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const rid = new RegExp(`<sheet [^>]*name="${escape(sheetName)}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const rel = [...rels.matchAll(/<Relationship [^>]*>/g)].map((m) => m[0]).find((r) => r.includes(`Id="${rid}"`))!;
  const target = /Target="([^"]+)"/.exec(rel)![1];
  return zip.file(`xl/${target.replace(/^\/?xl\//, "")}`)!.async("string");
}

export async function packagePart(file: string, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return zip.file(part)!.async("string");
}
