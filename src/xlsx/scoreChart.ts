/**
 * A sheet's charts (ChartSpec of the shared output: the scorecard's bar chart of the weighted
 * score, the trends sheet's line charts), added to an .xlsx package as DrawingML parts, because
 * ExcelJS 4.4 cannot write charts: one drawing per sheet with one anchor per chart, each chart its
 * own chartN.xml. The series refer to the sheet's cells, so they follow edits.
 */
import JSZip from "jszip";
import type { BarChartSpec, ChartAnchor, ChartSpec, LineChartSpec } from "../workbook/contract";
import { LINE_COLORS, TARGET_LINE_COLOR } from "../workbook/palette";
import { columnLetter } from "../workbook/outputSheet";

const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A sheet name inside a formula: quoted, with quotes doubled. */
const sheetRef = (escapedName: string) => `'${escapedName.replace(/'|&apos;/g, "''")}'`;

/** "#RRGGBB" → "RRGGBB", as DrawingML's srgbClr takes it. */
const rgb = (hex: string) => hex.replace(/^#/, "");

/** A line chart, one series per value column (named by its header cell), categories from the category column; targets dashed. */
function lineChartXml(spec: LineChartSpec, escapedSheet: string, rows: number, headerRows: number): string {
  const first = headerRows + 1;
  const last = rows + headerRows;
  const ref = (col: number, from: number, to: number) =>
    `${sheetRef(escapedSheet)}!$${columnLetter(col)}$${from}:$${columnLetter(col)}$${to}`;
  const text = (t: string) =>
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${escapeXml(t)}</a:t></a:r></a:p></c:rich></c:tx>`;
  let series = "";
  let colour = 0;
  for (let col = spec.firstValueColumn, i = 0; col <= spec.lastValueColumn; col++, i++) {
    const dashed = spec.dashedColumns.includes(col);
    const color = rgb(dashed ? TARGET_LINE_COLOR : LINE_COLORS[colour++ % LINE_COLORS.length]);
    const line = dashed
      ? `<a:ln w="19050" cap="rnd"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill><a:prstDash val="dash"/><a:round/></a:ln>`
      : `<a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill><a:round/></a:ln>`;
    const marker = dashed
      ? `<c:marker><c:symbol val="none"/></c:marker>`
      : `<c:marker><c:symbol val="circle"/><c:size val="5"/><c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr></c:marker>`;
    series +=
      `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
      `<c:tx><c:strRef><c:f>${sheetRef(escapedSheet)}!$${columnLetter(col)}$${headerRows}</c:f></c:strRef></c:tx>` +
      `<c:spPr>${line}</c:spPr>${marker}` +
      `<c:cat><c:strRef><c:f>${ref(spec.categoryColumn, first, last)}</c:f></c:strRef></c:cat>` +
      `<c:val><c:numRef><c:f>${ref(col, first, last)}</c:f></c:numRef></c:val><c:smooth val="0"/></c:ser>`;
  }
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}">` +
    `<c:roundedCorners val="0"/><c:chart><c:title>${text(spec.title)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}` +
    `<c:marker val="1"/><c:axId val="333333333"/><c:axId val="444444444"/></c:lineChart>` +
    `<c:catAx><c:axId val="333333333"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="444444444"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="444444444"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="${escapeXml(spec.valueFormat)}" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="333333333"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function chartXml(spec: ChartSpec, escapedSheet: string, rows: number, headerRows: number): string {
  if (spec.type === "line") return lineChartXml(spec, escapedSheet, rows, headerRows);
  return barChartXml(spec, escapedSheet, rows, headerRows);
}

function barChartXml(spec: BarChartSpec, escapedSheet: string, rows: number, headerRows: number): string {
  const first = headerRows + 1;
  const last = rows + headerRows;
  const cat = `${sheetRef(escapedSheet)}!$${columnLetter(spec.categoryColumn)}$${first}:$${columnLetter(spec.categoryColumn)}$${last}`;
  const val = `${sheetRef(escapedSheet)}!$${columnLetter(spec.valueColumn)}$${first}:$${columnLetter(spec.valueColumn)}$${last}`;
  const name = `${sheetRef(escapedSheet)}!$${columnLetter(spec.valueColumn)}$${headerRows}`;
  const text = (t: string) =>
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${escapeXml(t)}</a:t></a:r></a:p></c:rich></c:tx>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}">` +
    `<c:roundedCorners val="0"/><c:chart><c:title>${text(spec.title)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>${name}</c:f></c:strRef></c:tx>` +
    `<c:spPr><a:solidFill><a:srgbClr val="2E75B6"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
    `<c:cat><c:strRef><c:f>${cat}</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>${val}</c:f></c:numRef></c:val></c:ser>` +
    `<c:gapWidth val="60"/><c:axId val="111111111"/><c:axId val="222222222"/></c:barChart>` +
    `<c:catAx><c:axId val="111111111"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="222222222"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="222222222"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="t"/><c:majorGridlines/><c:numFmt formatCode="${escapeXml(spec.valueFormat)}" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="111111111"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** Without an anchor: under the table, 8 columns wide, one bar row per entity (at least 15 rows high). */
function defaultAnchor(rows: number): ChartAnchor {
  const top = rows + 3; // `rows` counts the header rows too
  return { fromColumn: 0, fromRow: top, toColumn: 7, toRow: top + Math.max(15, Math.ceil(rows * 1.3) + 4) - 1 };
}

/** One two-cell anchor per chart (the `to` marker is the corner after the anchor's last cell); rIdN is chart N. */
function drawingXml(charts: Array<{ name: string; anchor: ChartAnchor }>): string {
  const marker = (tag: string, col: number, row: number) =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  const anchors = charts
    .map(
      ({ name, anchor: a }, i) =>
        `<xdr:twoCellAnchor>${marker("from", a.fromColumn, a.fromRow)}${marker("to", a.toColumn + 1, a.toRow + 1)}` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
        `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
    )
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `${anchors}</xdr:wsDr>`
  );
}

function nextNumber(zip: JSZip, pattern: RegExp): number {
  return Math.max(0, ...Object.keys(zip.files).map((n) => Number(pattern.exec(n)?.[1] ?? 0))) + 1;
}

/** Adds the charts to the sheet at `sheetPart`, whose data rows are headerRows + 1 .. rows + headerRows. */
export async function addCharts(
  zip: JSZip,
  sheetPart: string,
  escapedSheetName: string,
  specs: ChartSpec[],
  rows: number,
  headerRows = 1,
): Promise<void> {
  if (specs.length === 0) return;
  const firstChart = nextNumber(zip, /^xl\/charts\/chart(\d+)\.xml$/);
  const drawingNo = nextNumber(zip, /^xl\/drawings\/drawing(\d+)\.xml$/);
  const chartNos = specs.map((_, i) => firstChart + i);
  specs.forEach((spec, i) =>
    zip.file(`xl/charts/chart${chartNos[i]}.xml`, chartXml(spec, escapedSheetName, rows, headerRows)),
  );
  const placed = specs.map((spec) => ({
    name: spec.name,
    anchor: spec.anchor ?? defaultAnchor(rows + headerRows - 1),
  }));
  zip.file(`xl/drawings/drawing${drawingNo}.xml`, drawingXml(placed));
  const chartRels = chartNos
    .map((no, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/chart" Target="../charts/chart${no}.xml"/>`)
    .join("");
  zip.file(
    `xl/drawings/_rels/drawing${drawingNo}.xml.rels`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${chartRels}</Relationships>`,
  );

  // The sheet's relationship to its drawing, and the <drawing> element in schema order.
  const relsPart = sheetPart.replace(/worksheets\/([^/]+)$/, "worksheets/_rels/$1.rels");
  const drawingRel = `<Relationship Id="rIdKpiDrawing" Type="${REL}/drawing" Target="../drawings/drawing${drawingNo}.xml"/>`;
  const existing = zip.file(relsPart) ? await zip.file(relsPart)!.async("string") : null;
  zip.file(
    relsPart,
    existing
      ? existing.replace("</Relationships>", drawingRel + "</Relationships>")
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${drawingRel}</Relationships>`,
  );
  let sheet = await zip.file(sheetPart)!.async("string");
  // CT_Worksheet order: <drawing> follows these elements (a rule's own <extLst> must not be taken for the sheet's).
  let at = -1;
  for (const m of sheet.matchAll(
    /<\/sheetData>|<\/conditionalFormatting>|<\/dataValidations>|<\/hyperlinks>|<printOptions\b[^>]*\/>|<pageMargins\b[^>]*\/>|<pageSetup\b[^>]*\/>|<\/headerFooter>|<\/rowBreaks>|<\/colBreaks>|<\/ignoredErrors>/g,
  )) {
    at = Math.max(at, m.index + m[0].length);
  }
  sheet = sheet.slice(0, at) + `<drawing r:id="rIdKpiDrawing"/>` + sheet.slice(at);
  zip.file(sheetPart, sheet);

  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      chartNos.map((no) => `<Override PartName="/xl/charts/chart${no}.xml" ContentType="${CHART_TYPE}"/>`).join("") +
        `<Override PartName="/xl/drawings/drawing${drawingNo}.xml" ContentType="${DRAWING_TYPE}"/></Types>`,
    ),
  );
}
