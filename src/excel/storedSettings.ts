/** Loads and saves the StoredSettings kept in the workbook (Workbook.settings, ExcelApi 1.4). */
import { WorkbookError, type StoredSettings } from "../workbook/contract";
import type { ExcelHost } from "./excelRunner";
import { MIN_API, SETTING_KEYS } from "./settingKeys";

export function requireMinimumApi(host: ExcelHost): void {
  if (!host.supports(MIN_API))
    throw new WorkbookError(
      "unsupported",
      "This version of Excel is too old for the add-in (it needs Excel 2016 or later, ExcelApi 1.4).",
    );
}

export async function loadSettings(host: ExcelHost): Promise<StoredSettings | null> {
  requireMinimumApi(host);
  return host.run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(SETTING_KEYS.settings);
    item.load("value");
    await context.sync();
    if (item.isNullObject) return null;
    const value = item.value as unknown;
    return typeof value === "object" && value !== null ? (value as StoredSettings) : null;
  }, "the add-in's saved settings");
}

export async function saveSettings(host: ExcelHost, settings: StoredSettings): Promise<void> {
  requireMinimumApi(host);
  await host.run(async (context) => {
    context.workbook.settings.add(SETTING_KEYS.settings, settings);
    await context.sync();
  });
}
