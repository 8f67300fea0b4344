import { completeDataBars, fixDataBarLinks, fixIconSetNames, fixWorksheetRules } from "../../src/xlsx/excelRuleXml";

const LINK = (id: string) =>
  `<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:id>${id}</x14:id></ext></extLst>`;
const RULE = (id: string) =>
  `<cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF2E75B6"/></dataBar>${LINK(id)}</cfRule>`;
const X14 = (id: string) =>
  `<x14:cfRule type="dataBar" id="${id}"><x14:dataBar minLength="0" maxLength="100" gradient="0"><x14:cfvo type="min"/><x14:cfvo type="max"/></x14:dataBar></x14:cfRule>`;
const ID = "{907395EE-8EAB-47A6-A645-2772F32290E1}";

describe("excelRuleXml", () => {
  test("icon set names that are not OOXML names are repaired; valid ones are kept", () => {
    expect(fixIconSetNames(`<iconSet iconSet="3TrafficLights">`)).toBe(`<iconSet iconSet="3TrafficLights1">`);
    expect(fixIconSetNames(`<iconSet iconSet="5Arrows">`)).toBe(`<iconSet iconSet="5Arrows">`);
    expect(fixIconSetNames(`<iconSet iconSet="bogus">`)).toBe(`<iconSet iconSet="3TrafficLights1">`);
  });

  test("a data bar link with an empty or dangling x14:id is dropped, a linked one kept", () => {
    expect(fixDataBarLinks(RULE(""))).not.toContain("x14:id");
    expect(fixDataBarLinks(RULE(ID))).not.toContain("x14:id"); // no x14 rule with that id in the sheet
    const linked = RULE(ID) + X14(ID);
    expect(fixDataBarLinks(linked)).toBe(linked);
    expect(fixDataBarLinks(RULE("").replace(`<x14:id></x14:id>`, "<x14:id/>"))).not.toContain("x14:id");
  });

  test("ExcelJS's minimal x14 data bar gets Excel's own children and the rule's colour", () => {
    const fixed = completeDataBars(RULE(ID) + X14(ID));
    expect(fixed).toContain('<x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/>');
    expect(fixed).toContain('<x14:borderColor rgb="FF2E75B6"/>');
    expect(fixed).toContain('<x14:negativeFillColor rgb="FFFF0000"/>');
    expect(fixed).toContain('<x14:axisColor rgb="FF000000"/>');
    expect(fixWorksheetRules(RULE(ID) + X14(ID))).toBe(fixed);
  });
});
