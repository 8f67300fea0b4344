/** Adds a ConditionalRule as one of Excel's own conditional formats (ExcelApi 1.6) over a range. */
import type { ConditionalRule, IconSetRule } from "../workbook/contract";

/** OOXML icon set names (the exporter's) → Office.js Excel.IconSet values. */
const ICON_SETS: Record<IconSetRule["iconSet"], Excel.IconSet> = {
  "3TrafficLights1": "ThreeTrafficLights1" as Excel.IconSet,
  "4TrafficLights": "FourTrafficLights" as Excel.IconSet,
  "5Arrows": "FiveArrows" as Excel.IconSet,
};

/** A threshold as a formula constant: "=0.9". */
function constant(value: number): string {
  return `=${Number(value.toPrecision(15))}`;
}

export function addRule(range: Excel.Range, rule: ConditionalRule): Excel.ConditionalFormat {
  switch (rule.type) {
    case "iconSet": {
      const cf = range.conditionalFormats.add("IconSet");
      cf.iconSet.style = ICON_SETS[rule.iconSet];
      // The first icon takes what is left below the second one's threshold: Excel ignores its criterion.
      cf.iconSet.criteria = [
        {} as Excel.ConditionalIconCriterion,
        ...rule.thresholds.map(
          (t) =>
            ({
              type: "Number",
              operator: "GreaterThanOrEqual",
              formula: constant(t),
            }) as Excel.ConditionalIconCriterion,
        ),
      ];
      return cf;
    }
    case "dataBar": {
      const cf = range.conditionalFormats.add("DataBar");
      cf.dataBar.positiveFormat.fillColor = rule.color;
      if (rule.scale) {
        cf.dataBar.lowerBoundRule = { type: "Number", formula: constant(rule.scale.min) };
        cf.dataBar.upperBoundRule = { type: "Number", formula: constant(rule.scale.max) };
      }
      return cf;
    }
    case "formulaFill": {
      const cf = range.conditionalFormats.add("Custom");
      cf.custom.rule.formula = rule.formula;
      cf.custom.format.fill.color = rule.fill;
      cf.custom.format.font.color = rule.fontColor;
      return cf;
    }
  }
}
