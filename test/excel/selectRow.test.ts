/**
 * Going from the pane's scorecard table to a row of the scorecard sheet: the port activates the sheet
 * and selects the row (Worksheet.activate, Range.select, ExcelApi 1.1); the fake refuses what Excel does.
 */
import { WorkbookError } from "../../src/workbook/contract";
import { createFakeWorkbook } from "../fakes/excel";
import type { FakeRequestContext } from "../fakes/excel/clientObjects";
import { fakePort, salesSeed } from "./support/excelPort";

function seed() {
  const base = salesSeed();
  return { ...base, sheets: [...base.sheets, { name: "KPI Scorecard", values: [["Entity"], ["North"], ["An"]] }] };
}

describe("selectRow", () => {
  it("brings the scorecard sheet to the front with the whole row selected", async () => {
    const { fake, port } = fakePort(seed());
    expect(fake.selection()).toMatchObject({ active: "Data" });
    await port.selectRow("KPI Scorecard", 3);
    expect(fake.selection()).toEqual({ sheet: "KPI Scorecard", active: "KPI Scorecard", address: "3:3" });
  });

  it("says the sheet is hidden rather than failing with a host error, and selects nothing", async () => {
    const { fake, port } = fakePort(seed());
    fake.hideSheet("KPI Scorecard");
    const error = await port.selectRow("KPI Scorecard", 3).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error).toMatchObject({ code: "sheet_hidden", message: expect.stringContaining('"KPI Scorecard"') });
    expect(fake.selection()).toMatchObject({ sheet: "Data", active: "Data" });
  });

  it("says not_found when the sheet was deleted or renamed since the run", async () => {
    const { port } = fakePort(seed());
    await expect(port.selectRow("KPI Scorecard (old)", 3)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the fake's Range.select and Worksheet.activate, as Excel", () => {
  it("refuses to select on a sheet that is not the active one", async () => {
    const fake = createFakeWorkbook(seed());
    await expect(
      fake.run(async (context: FakeRequestContext) => {
        context.workbook.worksheets.getItem("KPI Scorecard").getRange("2:2").select();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  it("refuses to activate a hidden sheet", async () => {
    const fake = createFakeWorkbook(seed());
    fake.hideSheet("KPI Scorecard");
    await expect(
      fake.run(async (context: FakeRequestContext) => {
        context.workbook.worksheets.getItem("KPI Scorecard").activate();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    expect(fake.selection().active).toBe("Data");
  });
});
