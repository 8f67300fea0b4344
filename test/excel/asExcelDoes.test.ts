/**
 * Issue 9: the adapter against a fake that behaves as Excel does (value conversion on write,
 * tables with a totals row or a hidden header, whole-column selections, InvalidSelection,
 * cell-edit mode, protection, sheet names with "!", the 1904 date system).
 */
import { buildWorkbookOutput } from "../../src/workbook/exporter";
import { formatOwnershipMark, OWNED_SHEET_NAME } from "../../src/workbook/ownershipMark";
import { smallScorecard } from "../workbook/support/scorecardFixture";
import { fakePort, salesSeed } from "./support/excelPort";

describe("the adapter on a fake as strict as Excel", () => {
  it("1. writes text as text: periods, year labels and codes are not turned into dates or numbers", async () => {
    const { fake, port } = fakePort(salesSeed());
    const sc = smallScorecard();
    sc.rows[0].entity = "00123";
    await port.writeOutput(buildWorkbookOutput(sc, "en"));
    const values = fake.values("KPI Scorecard");
    expect(values[2][3]).toBe("2026-03"); // the Period column
    expect(values.map((r) => r[0])).toContain("00123");
    expect(fake.numberFormat("KPI Scorecard", 2, 3)).toBe("@");
    expect(typeof values[2][4]).toBe("number"); // money stays a number
    expect(fake.numberFormat("KPI Scorecard", 2, 4)).toBe("#,##0");
  });

  it("2. reads a table as its header and data body: never the totals row", async () => {
    const seed = salesSeed();
    seed.sheets[0].values.push(["Total", "", "", 600, 530, 5]);
    seed.sheets[0].tables = [{ name: "Sales", address: "A1:F5", showTotals: true }];
    const { port } = fakePort(seed);
    const table = await port.readSource({ kind: "table", name: "Sales" });
    expect(table.headers).toEqual(["Date", "Rep", "Customer", "Revenue", "Cost", "Bad debt"]);
    expect(table.rows).toHaveLength(3);
    expect(table.rows.map((r) => r[1])).toEqual(["An", "Bình", "An"]);
    expect(table.firstRow).toBe(2);
    const info = (await port.listSources()).find((s) => s.kind === "table");
    expect(info?.rows).toBe(3);
  });

  it("2. reads a table that hides its header row from its column names", async () => {
    const seed = salesSeed();
    seed.sheets[0].values.shift(); // no header cells on the sheet
    seed.sheets[0].tables = [
      {
        name: "Sales",
        address: "A1:F3",
        showHeaders: false,
        columns: ["Date", "Rep", "Customer", "Revenue", "Cost", "Bad debt"],
      },
    ];
    const { port } = fakePort(seed);
    const table = await port.readSource({ kind: "table", name: "Sales" });
    expect(table.headers[1]).toBe("Rep");
    expect(table.rows).toHaveLength(3);
    expect(table.rows[0][1]).toBe("An");
    expect(table.firstRow).toBe(1);
  });

  it("3. a whole-column selection (Sheet!A:F) is read as its used cells", async () => {
    const { fake, port } = fakePort(salesSeed());
    fake.select("Data", "A:F");
    const table = await port.readSource({ kind: "selection" });
    expect(table.headers[0]).toBe("Date");
    expect(table.rows).toHaveLength(3);
    expect(await port.defaultSource()).toEqual({ kind: "table", name: "Sales" });
  });

  it("3. a whole-row selection (1:4) is read as its used cells", async () => {
    const { fake, port } = fakePort(salesSeed());
    fake.select("Data", "1:4");
    const table = await port.readSource({ kind: "selection" });
    expect(table.headers).toHaveLength(6);
    expect(table.rows).toHaveLength(3);
  });

  it("3. with a chart or several areas selected the sources still load, with no default, and a read says why", async () => {
    const { fake, port } = fakePort(salesSeed());
    fake.selectOther("areas");
    expect(await port.defaultSource()).toBeNull();
    expect((await port.listSources()).length).toBeGreaterThan(0);
    await expect(port.readSource({ kind: "selection" })).rejects.toMatchObject({ code: "invalid_selection" });
    fake.selectOther("chart");
    expect(await port.defaultSource()).toBeNull();
  });

  it("7. asks Excel to wait while the user edits a cell (delayForCellEdit) instead of failing", async () => {
    const { fake, port, waits } = fakePort(salesSeed());
    fake.setCellEditing(true);
    const table = await port.readSource({ kind: "table", name: "Sales" });
    expect(table.rows).toHaveLength(3);
    expect(fake.lastRunOptions).toEqual({ delayForCellEdit: true });
    expect(waits).toEqual([]);
  });

  it("8. a protected workbook structure gives a clear message and leaves the workbook as it was", async () => {
    const { fake, port } = fakePort(salesSeed());
    fake.protectStructure();
    const before = fake.snapshot();
    await expect(port.writeOutput(buildWorkbookOutput(smallScorecard(), "en"))).rejects.toMatchObject({
      code: "access_denied",
    });
    expect(fake.snapshot()).toEqual(before);
  });

  it("9. reads past the first block on a sheet whose name contains '!'", async () => {
    const rows: Array<Array<string | number>> = [["Date", "Rep", "Revenue"]];
    for (let i = 0; i < 40; i++) rows.push(["2026-03-01", `Rep ${i % 3}`, i]);
    const { port } = fakePort({ sheets: [{ name: "Q1!Sales", values: rows }] }, {}, { payloadBudgetBytes: 2_000 });
    const table = await port.readSource({ kind: "sheet", name: "Q1!Sales" });
    expect(table.rows).toHaveLength(40);
    expect(table.rows[39][2]).toBe(39);
  });

  it("1904 date system: date cells are read as the dates they show", async () => {
    // 2026-01-15 is 46037 in the 1900 system and 46037 - 1462 in a 1904 workbook.
    const seed = {
      sheets: [
        {
          name: "Data",
          values: [
            ["Date", "Rep", "Revenue"],
            [46037 - 1462, "An", 100],
          ],
        },
      ],
      date1904: true,
    };
    const { fake, port } = fakePort(seed);
    fake.sheet("Data").numberFormats[1] = ["yyyy-mm-dd", "General", "#,##0"];
    const table = await port.readSource({ kind: "sheet", name: "Data" });
    expect(table.rows[0]).toEqual([46037, "An", 100]);
    const { port: port1900 } = fakePort({ ...seed, date1904: false });
    expect((await port1900.readSource({ kind: "sheet", name: "Data" })).rows[0][0]).toBe(46037 - 1462);
  });

  it("4. apply, reopen (every sheet gets a new id), apply again: the output is replaced, no (2) sheets", async () => {
    const { fake, port } = fakePort(salesSeed());
    await port.writeOutput(buildWorkbookOutput(smallScorecard(), "en"));
    const ids = fake.state.sheets.map((s) => s.id);
    fake.reopen();
    expect(fake.state.sheets.map((s) => s.id).some((id) => ids.includes(id))).toBe(false);
    await port.writeOutput(buildWorkbookOutput(smallScorecard(), "en"));
    expect(fake.sheetNames()).toEqual([
      "Data",
      "KPI Scorecard",
      "KPI History",
      "KPI Margin Mix",
      "KPI Notes",
      "KPI Trends",
    ]);
    expect(fake.tables().map((t) => t.name)).toEqual(["Sales", "KpiHistory"]);
    // The mark the CLI reads too: the custom property, and one hidden local name per output sheet.
    expect(JSON.parse(fake.customProperties()["KpiScorecard.OwnedSheets"]).sheets).toHaveLength(5);
    expect(fake.definedNames().filter((n) => n.name === "KpiScorecard.Owned" && !n.visible)).toHaveLength(5);
  });

  it("4. a mark naming the user's sheets (no token inside them) never makes a user's sheet ours", async () => {
    const seed = salesSeed();
    seed.sheets.push({ name: "KPI Scorecard", values: [["the user's own sheet"]] });
    seed.customProperties = {
      "KpiScorecard.OwnedSheets": JSON.stringify({ v: 2, token: "abcdef123456", sheets: ["Data", "KPI Scorecard"] }),
    };
    const { fake, port } = fakePort(seed);
    await port.writeOutput(buildWorkbookOutput(smallScorecard(), "en"));
    expect(fake.sheetNames().slice(0, 3)).toEqual(["Data", "KPI Scorecard", "KPI Scorecard (2)"]);
    expect(fake.values("KPI Scorecard")[0][0]).toBe("the user's own sheet");
    expect(fake.values("Data")[0][0]).toBe("Date");
  });

  it("4. a table name already taken by a defined name is avoided", async () => {
    const { fake, port } = fakePort(salesSeed());
    await fake.run(async (context) => {
      context.workbook.names.add("KpiHistory", "=Data!$A$1");
      await context.sync();
    });
    await port.writeOutput(buildWorkbookOutput(smallScorecard(), "en"));
    expect(fake.tables().map((t) => t.name)).toEqual(["Sales", "KpiHistory2"]);
  });

  it("4. sheets the command line wrote (its mark: property + local names) are replaced by the add-in", async () => {
    const names = ["KPI Scorecard", "KPI History", "KPI Margin Mix", "KPI Notes", "KPI Trends"];
    const seed = salesSeed();
    for (const name of names) seed.sheets.push({ name, values: [["old output"]] });
    seed.customProperties = {
      "KpiScorecard.OwnedSheets": formatOwnershipMark({ token: "clitoken12345678", sheets: names }),
    };
    const { fake, port } = fakePort(seed);
    // As xl/workbook.xml stores them: <definedName name="KpiScorecard.Owned" localSheetId="i" hidden="1">"token"</definedName>
    for (const name of names)
      fake.state.names.push({
        name: OWNED_SHEET_NAME,
        sheet: fake.sheet(name),
        formula: '"clitoken12345678"',
        visible: false,
      });
    await port.writeOutput(buildWorkbookOutput(smallScorecard(), "en"));
    expect(fake.sheetNames()).toEqual(["Data", ...names]);
    expect(fake.values("KPI Scorecard")[1][0]).toBe("Entity");
  });
});
