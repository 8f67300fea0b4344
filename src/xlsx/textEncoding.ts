/**
 * The encoding and the delimiter of a text source (.csv, .tsv, .txt), from a sample of its start.
 * Excel writes text files in the system's ANSI code page: GBK/GB18030 on Chinese Windows, Big5
 * (CP950) on Taiwanese, Windows-1258 on Vietnamese, Windows-1252 in the West, and "Unicode Text"
 * as UTF-16 LE with a BOM. A BOM decides first; then valid UTF-8; then chardet's candidates and
 * the usual code pages are each decoded and the most plausible wins: chardet alone confuses
 * GBK, Big5 and 1258 on short samples, so a candidate whose header row holds known header words
 * (the engine's synonyms) and no replacement characters is preferred.
 */
import chardet from "chardet";
import iconv from "iconv-lite";
import { matchHeader } from "../engine/roles/headerMatch";

export interface EncodingChoice {
  /** iconv-lite name, e.g. "utf-8", "utf-16le", "gb18030", "big5", "windows-1258". */
  encoding: string;
  /** Why: "byte order mark", "valid UTF-8", "detected: …", "--encoding". */
  reason: string;
}

const FALLBACKS = ["gb18030", "big5", "windows-1258", "windows-1252"];

/** chardet's names as iconv-lite's; GBK/GB2312 text is a subset of GB18030, Big5 of CP950. */
function iconvName(chardetName: string): string | null {
  const n = chardetName.toLowerCase();
  if (n === "gb18030" || n === "gbk" || n === "gb2312") return "gb18030";
  if (n === "big5") return "big5";
  if (n === "iso-8859-1" || n === "windows-1252") return "windows-1252";
  if (n.startsWith("windows-") || n.startsWith("iso-8859-")) return iconv.encodingExists(n) ? n : null;
  return null;
}

function isValidUtf8(sample: Buffer, complete: boolean): boolean {
  // A sample cut in the middle of a character is still UTF-8: drop an incomplete tail.
  let end = sample.length;
  if (!complete) {
    let back = 0;
    while (back < 3 && end - back - 1 >= 0 && (sample[end - back - 1] & 0xc0) === 0x80) back++;
    const lead = sample[end - back - 1];
    if (lead !== undefined && lead >= 0xc0) end = end - back - 1;
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 without a BOM: zero bytes on one side of most ASCII characters. */
function utf16WithoutBom(sample: Buffer): "utf-16le" | "utf-16be" | null {
  const n = Math.min(sample.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return "utf-16le";
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return "utf-16be";
  return null;
}

export function decodeSample(sample: Buffer, encoding: string): string {
  const text = iconv.decode(sample, encoding);
  return encoding === "windows-1258" ? text.normalize("NFC") : text;
}

/** How plausible a decoding is: known header words first, then no replacement characters. */
function plausibility(text: string): number {
  const firstLines = text.split(/\r?\n/, 6);
  let known = 0;
  for (const line of firstLines)
    for (const cell of line.split(/[,;\t|]/))
      if (cell.trim() && matchHeader(cell.replace(/^"|"$/g, "").trim())) known++;
  const replacements = (text.match(/\uFFFD/g) ?? []).length;
  // Control characters other than tab and newlines mean the bytes were read wrong.
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0x08 || (code >= 0x0e && code <= 0x1f) || (code >= 0x80 && code <= 0x9f)) controls++;
  }
  return known * 1000 - (replacements + controls) * 50;
}

export function detectEncoding(sample: Buffer, complete: boolean): EncodingChoice {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
    return { encoding: "utf-8", reason: "byte order mark" };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: "utf-16le", reason: "byte order mark" };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: "utf-16be", reason: "byte order mark" };
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return { encoding: utf16, reason: "zero bytes of UTF-16 text, no byte order mark" };
  if (isValidUtf8(sample, complete)) return { encoding: "utf-8", reason: "valid UTF-8" };
  const analysed = chardet.analyse(sample);
  const candidates: Array<{ encoding: string; confidence: number }> = [];
  for (const a of analysed) {
    const name = iconvName(a.name);
    if (name && !candidates.some((c) => c.encoding === name))
      candidates.push({ encoding: name, confidence: a.confidence });
  }
  for (const name of FALLBACKS)
    if (!candidates.some((c) => c.encoding === name)) candidates.push({ encoding: name, confidence: 0 });
  let best = candidates[0];
  let bestScore = -Infinity;
  for (const c of candidates) {
    const score = plausibility(decodeSample(sample, c.encoding)) + c.confidence;
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  const top = analysed[0];
  const why =
    top && iconvName(top.name) === best.encoding
      ? `detected by chardet, ${top.confidence}% confident`
      : `detected: its header words read as known column names${top ? ` (chardet guessed ${top.name})` : ""}`;
  return { encoding: best.encoding, reason: why };
}

export const DELIMITERS = [",", ";", "\t", "|"] as const;

/**
 * The delimiter whose count per line is the same over the first lines (quoted text ignored),
 * the highest such count winning; a single line decides by count alone.
 */
export function detectDelimiterIn(text: string): string {
  const unquoted = text.replace(/^\uFEFF/, "").replace(/"(?:[^"]|"")*"?/g, '""');
  const lines = unquoted
    .split(/\r?\n/)
    .slice(0, 30)
    .filter((l) => l.trim() !== "");
  if (!text.endsWith("\n") && lines.length > 1) lines.pop(); // the sample may cut the last line
  let best: string = ",";
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => l.split(d).length - 1);
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length / counts.length;
    const score = consistent * 1000 + first;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}
