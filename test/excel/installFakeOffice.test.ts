import { createExcelWorkbook, type ExcelRunner } from "../../src/excel";
import { createFakeWorkbook, installFakeOffice } from "../fakes/excel";

describe("installFakeOffice", () => {
  it("defines Office and Excel globals that an unmodified add-in can use", async () => {
    const fake = createFakeWorkbook(
      {
        sheets: [
          {
            name: "Data",
            values: [
              ["Rep", "Revenue"],
              ["An", 1],
            ],
          },
        ],
      },
      { displayLanguage: "vi-VN", apiMinor: 5 },
    );
    const win: Record<string, unknown> = {};
    installFakeOffice(win, fake);
    const office = win.Office as typeof Office;
    const excel = win.Excel as typeof Excel;
    await expect(office.onReady()).resolves.toMatchObject({ host: "Excel" });
    expect(office.context.displayLanguage).toBe("vi-VN");
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.6")).toBe(false);
    expect(excel.ConditionalFormatType.iconSet).toBe("IconSet");
    const port = createExcelWorkbook(excel.run as unknown as ExcelRunner, {
      isSetSupported: office.context.requirements.isSetSupported,
    });
    expect(await port.listSources()).toEqual([{ kind: "sheet", name: "Data", sheet: "Data", rows: 1, columns: 2 }]);
  });
  it("the fake imports nothing from Node, so it bundles for the browser", () => {
    const fs = require("fs") as typeof import("fs");
    const dir = `${__dirname}/../fakes/excel`;
    for (const file of fs.readdirSync(dir)) {
      const text = fs.readFileSync(`${dir}/${file}`, "utf8");
      expect(text).not.toMatch(/from "(fs|path|os|crypto|util|node:[a-z]+)"/);
      expect(text).not.toMatch(/\bBuffer\b|\bprocess\./);
    }
  });
});

/** Compile-time check: the real Excel.run fits the ExcelRunner the adapter takes (never called). */
export function realExcelRunFits(): ExcelRunner {
  return Excel.run;
}
