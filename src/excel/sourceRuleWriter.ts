/**
 * Optional rules on the source that flag rows with bad debt or a negative margin. The settings keep
 * the sheet they are on; removing them finds them by what they are (a Custom rule with one of our
 * formulas and our fill and font colours), never by a stored id: Excel's conditional-format ids are
 * positional, so an id kept from one run can name a user's rule in the next. Nothing else on the
 * source changes, and a user's own rule is never removed.
 */
import type { SourceRef, SourceRuleColumns } from "../workbook/contract";
import {
  BAD_DEBT_FILL,
  BAD_DEBT_FONT,
  NEGATIVE_MARGIN_FILL,
  NEGATIVE_MARGIN_FONT,
  sourceRules,
} from "../workbook/sourceRules";
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
    for (const rule of rules) addRule(body, rule);
    const record: OwnedSourceRules = { sheet: parsed.sheet };
    context.workbook.settings.add(SETTING_KEYS.sourceRules, record);
    await context.sync();
    return true;
  }, describeSource(ref));
}

const CELL = String.raw`\$[A-Z]{1,3}\$?\d+`;
/** The formulas sourceRules() writes (any columns, any first row), with their colours. */
const OUR_RULES: Array<{ formula: RegExp; fill: string; font: string }> = [
  { formula: new RegExp(`^=AND\\(ISNUMBER\\((${CELL})\\),\\1>0\\)$`), fill: BAD_DEBT_FILL, font: BAD_DEBT_FONT },
  {
    formula: new RegExp(`^=AND\\(ISNUMBER\\((${CELL})\\),ISNUMBER\\((${CELL})\\),\\1-\\2<0\\)$`),
    fill: NEGATIVE_MARGIN_FILL,
    font: NEGATIVE_MARGIN_FONT,
  },
  {
    formula: new RegExp(`^=AND\\(ISNUMBER\\((${CELL})\\),\\1<0\\)$`),
    fill: NEGATIVE_MARGIN_FILL,
    font: NEGATIVE_MARGIN_FONT,
  },
];

/** Is this Custom rule one the add-in wrote on the source? Formula and both colours must be ours. */
export function isOurSourceRule(formula: string, fill: string | null, font: string | null): boolean {
  const same = (a: string | null, b: string) => (a ?? "").toUpperCase() === b.toUpperCase();
  const f = formula.replace(/\s+/g, "").toUpperCase();
  return OUR_RULES.some((r) => r.formula.test(f) && same(fill, r.fill) && same(font, r.font));
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
    if (sheet) {
      await context.sync();
      if (!sheet.isNullObject) {
        // Only ExcelApi 1.6: the rules' types, then the Custom ones' formula and colours.
        const formats = sheet.getRange().conditionalFormats.load("items/type");
        await context.sync();
        const custom = formats.items
          .filter((f) => f.type === "Custom")
          .map((f) => f.load("custom/rule/formula,custom/format/fill/color,custom/format/font/color"));
        if (custom.length > 0) await context.sync();
        for (const f of custom)
          if (isOurSourceRule(f.custom.rule.formula, f.custom.format.fill.color, f.custom.format.font.color))
            f.delete();
      }
    }
    setting.delete();
    await context.sync();
  }, "the rules on the source table");
}
