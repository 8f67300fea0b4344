/**
 * Appends the styles of the scorecard package to the input workbook's styles.xml, so the added
 * sheets keep their number formats, fonts and rule fills while the input's own cells keep theirs.
 * Returns the offsets to apply to the added sheets' style (s="") and rule (dxfId="") indexes.
 */

export interface StyleMerge {
  xml: string;
  /** Add to every cell/row/column style index of the added sheets. */
  xfOffset: number;
  /** Add to every dxfId of the added sheets' conditional formats. */
  dxfOffset: number;
}

/** The children of `<name>` in styles.xml (e.g. every <font> of <fonts>), and where the section is. */
function section(xml: string, name: string, child: string): { items: string[]; start: number; end: number } | null {
  const open = new RegExp(`<${name}\\b[^>]*?(/?)>`).exec(xml);
  if (!open) return null;
  const start = open.index;
  if (open[1] === "/") return { items: [], start, end: start + open[0].length };
  const close = xml.indexOf(`</${name}>`, start);
  const inner = xml.slice(start + open[0].length, close);
  const items = inner.match(new RegExp(`<${child}\\b[^>]*/>|<${child}\\b[^>]*>[\\s\\S]*?</${child}>`, "g")) ?? [];
  return { items, start, end: close + name.length + 3 };
}

function render(name: string, items: string[], attributes = ""): string {
  return `<${name} count="${items.length}"${attributes}>${items.join("")}</${name}>`;
}

/** Replaces a section, or inserts it before the first of `before` that exists (schema order). */
function put(xml: string, name: string, rendered: string, before: string[]): string {
  const existing = section(xml, name, "x");
  if (existing) return xml.slice(0, existing.start) + rendered + xml.slice(existing.end);
  for (const next of before) {
    const at = xml.search(new RegExp(`<${next}\\b`));
    if (at >= 0) return xml.slice(0, at) + rendered + xml.slice(at);
  }
  const end = xml.lastIndexOf("</styleSheet>");
  return xml.slice(0, end) + rendered + xml.slice(end);
}

function shiftAttribute(tag: string, attribute: string, shift: (n: number) => number): string {
  return tag.replace(
    new RegExp(`(\\s${attribute}=")(\\d+)"`),
    (_m, head: string, n: string) => `${head}${shift(Number(n))}"`,
  );
}

const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];
const after = (name: string) => ORDER.slice(ORDER.indexOf(name) + 1);

export function mergeStyles(base: string, added: string): StyleMerge {
  let xml = base;
  // Custom number formats: renumber the added ones above the base's highest id.
  const baseFormats = section(xml, "numFmts", "numFmt")?.items ?? [];
  const addedFormats = section(added, "numFmts", "numFmt")?.items ?? [];
  let nextFormat = Math.max(163, ...baseFormats.map((f) => Number(/numFmtId="(\d+)"/.exec(f)?.[1] ?? 0))) + 1;
  const formatMap = new Map<number, number>();
  const newFormats = addedFormats.map((f) => {
    const id = Number(/numFmtId="(\d+)"/.exec(f)![1]);
    formatMap.set(id, nextFormat);
    return f.replace(/numFmtId="\d+"/, `numFmtId="${nextFormat++}"`);
  });
  if (newFormats.length > 0)
    xml = put(xml, "numFmts", render("numFmts", [...baseFormats, ...newFormats]), after("numFmts"));

  const offsets: Record<string, number> = {};
  for (const [name, child] of [
    ["fonts", "font"],
    ["fills", "fill"],
    ["borders", "border"],
  ] as const) {
    const baseItems = section(xml, name, child)?.items ?? [];
    offsets[child] = baseItems.length;
    const addedItems = section(added, name, child)?.items ?? [];
    xml = put(xml, name, render(name, [...baseItems, ...addedItems]), after(name));
  }

  const baseXfs = section(xml, "cellXfs", "xf")?.items ?? [];
  const addedXfs = (section(added, "cellXfs", "xf")?.items ?? []).map((xf) => {
    let tag = xf;
    tag = shiftAttribute(tag, "numFmtId", (n) => formatMap.get(n) ?? n);
    tag = shiftAttribute(tag, "fontId", (n) => n + offsets.font);
    tag = shiftAttribute(tag, "fillId", (n) => n + offsets.fill);
    tag = shiftAttribute(tag, "borderId", (n) => n + offsets.border);
    return tag.replace(/\sxfId="\d+"/, ' xfId="0"'); // the base's Normal style
  });
  xml = put(xml, "cellXfs", render("cellXfs", [...baseXfs, ...addedXfs]), after("cellXfs"));

  const baseDxfs = section(xml, "dxfs", "dxf")?.items ?? [];
  const addedDxfs = (section(added, "dxfs", "dxf")?.items ?? []).map((d) =>
    d.replace(/numFmtId="(\d+)"/, (_m, n: string) => `numFmtId="${formatMap.get(Number(n)) ?? n}"`),
  );
  if (addedDxfs.length > 0) xml = put(xml, "dxfs", render("dxfs", [...baseDxfs, ...addedDxfs]), after("dxfs"));
  return { xml, xfOffset: baseXfs.length, dxfOffset: baseDxfs.length };
}
