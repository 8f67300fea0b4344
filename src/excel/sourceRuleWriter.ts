/**
 * Optional rules on the source that flag rows with bad debt or a negative margin. Their ids are
 * kept in the workbook settings so one action removes them; nothing else on the source changes.
 */
import type { SourceRef, SourceRuleColumns } from "../workbook/contract";
import { sourceRules } from "../workbook/sourceRules";
import { parseAddress, rectAddress } from "./a1";
import type { ExcelHost } from "./excelRunner";
import { addRule } from "./ruleWriter";
import { RULES_API, SETTING_KEYS, type OwnedSourceRules } from "./settingKeys";
import { describeSource, sourceRange } from "./sourceRange";
import { requireMinimumApi } from "./storedSettings";

export async function addSourceRules(host: ExcelHost, ref: SourceRef, columns: SourceRuleColumns): Promise<boolean> {
  requireMinimumApi(host);
  if (!host.supports(RULES_API)) return false;
  await removeSourceRules(host);
  return host.run(async (context) => {
    const range = sourceRange(context, ref);
    range.load("address");
    await context.sync();
    const parsed = range.isNullObject ? null : parseAddress(range.address);
    if (!parsed?.sheet || parsed.rect.rowCount < 2) return false;
    const { rect } = parsed;
    const rules = sourceRules(columns, rect.row + 2, rect.column, rect.columnCount);
    if (rules.length === 0) return false;
    const sheet = context.workbook.worksheets.getItem(parsed.sheet);
    const body = sheet.getRange(rectAddress({ ...rect, row: rect.row + 1, rowCount: rect.rowCount - 1 }));
    const added = rules.map((rule) => addRule(body, rule).load("id"));
    await context.sync();
    const ids = added.map((cf) => cf.id);
    const record: OwnedSourceRules = { sheet: parsed.sheet, ids };
    context.workbook.settings.add(SETTING_KEYS.sourceRules, record);
    await context.sync();
    return true;
  }, describeSource(ref));
}

export async function removeSourceRules(host: ExcelHost): Promise<void> {
  requireMinimumApi(host);
  if (!host.supports(RULES_API)) return;
  await host.run(async (context) => {
    const setting = context.workbook.settings.getItemOrNullObject(SETTING_KEYS.sourceRules);
    setting.load("value");
    await context.sync();
    if (setting.isNullObject) return;
    const record = setting.value as Partial<OwnedSourceRules> | null;
    const sheet = record?.sheet ? context.workbook.worksheets.getItemOrNullObject(record.sheet) : null;
    if (sheet && Array.isArray(record?.ids)) {
      await context.sync();
      if (!sheet.isNullObject) {
        // Loading the ids and deleting the matches needs only ExcelApi 1.6 (getItemOrNullObject needs 1.14).
        const owned = new Set(record!.ids);
        const formats = sheet.getRange().conditionalFormats.load("items/id");
        await context.sync();
        for (const f of formats.items) if (owned.has(f.id)) f.delete();
      }
    }
    setting.delete();
    await context.sync();
  }, "the rules on the source table");
}
