/**
 * Fixes in a worksheet's XML where ExcelJS 4.4 writes conditional formatting that Excel repairs or
 * misreads, so the file opens in Excel as it would have been saved by Excel:
 * - a data bar's `<x14:id>` must name an `<x14:cfRule id>` in the sheet's extLst; when it is
 *   empty or dangling (ExcelJS after a load/save round trip), the link is dropped and the plain
 *   2007 `<dataBar>` stays, which Excel accepts;
 * - the x14 data bar gets the children Excel itself writes (autoMin/autoMax, negative fill, axis);
 * - icon set names must be OOXML names ("3TrafficLights1", not "3TrafficLights");
 * - ExcelJS marks every row at the sheet's deepest outline level `collapsed`, though nothing is
 *   hidden: the mark is dropped from rows that are not hidden, so groups open expanded.
 */

/** ST_IconSetType of ECMA-376 (plus the x14 sets). */
export const VALID_ICON_SETS = new Set([
  "3Arrows",
  "3ArrowsGray",
  "3Flags",
  "3TrafficLights1",
  "3TrafficLights2",
  "3Signs",
  "3Symbols",
  "3Symbols2",
  "4Arrows",
  "4ArrowsGray",
  "4RedToBlack",
  "4Rating",
  "4TrafficLights",
  "5Arrows",
  "5ArrowsGray",
  "5Rating",
  "5Quarters",
  "3Stars",
  "3Triangles",
  "5Boxes",
  "NoIcons",
]);

const ICON_SET_REPAIRS: Record<string, string> = {
  "3TrafficLights": "3TrafficLights1",
  "3Symbol": "3Symbols",
  "3Sign": "3Signs",
};

/**
 * Excel's own x14 data bar body (as Excel 2010+ saves a solid bar): automatic min/max, or the
 * fixed numbers ExcelJS wrote (`<x14:cfvo type="num"><xm:f>1.2</xm:f></x14:cfvo>`) kept as they are.
 */
function excelX14DataBar(color: string, cfvos: string): string {
  const bounds = cfvos
    .replace('<x14:cfvo type="min"/>', '<x14:cfvo type="autoMin"/>')
    .replace('<x14:cfvo type="max"/>', '<x14:cfvo type="autoMax"/>');
  return (
    `<x14:dataBar minLength="0" maxLength="100" border="1" gradient="0" negativeBarBorderColorSameAsPositive="0">` +
    bounds +
    `<x14:borderColor rgb="${color}"/><x14:negativeFillColor rgb="FFFF0000"/>` +
    `<x14:negativeBorderColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar>`
  );
}

export function fixIconSetNames(xml: string): string {
  return xml.replace(/<iconSet iconSet="([^"]*)"/g, (whole, name: string) => {
    if (VALID_ICON_SETS.has(name)) return whole;
    return `<iconSet iconSet="${ICON_SET_REPAIRS[name] ?? "3TrafficLights1"}"`;
  });
}

const RULE_LINK =
  /<extLst><ext uri="\{B025F937-C7B1-47D3-B67F-A62EFF666E3E\}"[^>]*><x14:id>([^<]*)<\/x14:id><\/ext><\/extLst>/g;
const RULE_LINK_EMPTY = /<extLst><ext uri="\{B025F937-C7B1-47D3-B67F-A62EFF666E3E\}"[^>]*><x14:id\/><\/ext><\/extLst>/g;

/** Drops data bar links to x14 rules that are not in the sheet (empty or dangling ids). */
export function fixDataBarLinks(xml: string): string {
  const ids = new Set<string>();
  for (const m of xml.matchAll(/<x14:cfRule type="dataBar" id="([^"]+)"/g)) ids.add(m[1]);
  return xml.replace(RULE_LINK_EMPTY, "").replace(RULE_LINK, (whole, id: string) => (id && ids.has(id) ? whole : ""));
}

/**
 * Gives ExcelJS's minimal x14 data bars Excel's full form, taking the colour from the linked
 * 2007 rule. Only bars with ExcelJS's exact minimal body are touched; a user's own bars keep theirs.
 */
export function completeDataBars(xml: string): string {
  const colorById = new Map<string, string>();
  for (const m of xml.matchAll(
    /<color rgb="([0-9A-Fa-f]{8})"\/><\/dataBar><extLst><ext uri="\{B025F937-C7B1-47D3-B67F-A62EFF666E3E\}"[^>]*><x14:id>([^<]+)<\/x14:id>/g,
  )) {
    colorById.set(m[2], m[1]);
  }
  return xml.replace(
    /(<x14:cfRule type="dataBar" id="([^"]+)">)<x14:dataBar minLength="0" maxLength="100"(?: border="0")? gradient="0">((?:<x14:cfvo type="(?:min|max)"\/>|<x14:cfvo type="num"><xm:f>[-0-9.eE]+<\/xm:f><\/x14:cfvo>){2})<\/x14:dataBar>/g,
    (_whole, open: string, id: string, cfvos: string) => open + excelX14DataBar(colorById.get(id) ?? "FF638EC6", cfvos),
  );
}

export function fixExpandedRows(xml: string): string {
  return xml.replace(/<row [^>]*>/g, (row) => (row.includes(' hidden="1"') ? row : row.replace(' collapsed="1"', "")));
}

export function fixWorksheetRules(xml: string): string {
  return fixExpandedRows(completeDataBars(fixDataBarLinks(fixIconSetNames(xml))));
}
