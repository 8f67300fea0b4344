/** Layout shared by the template editor's parts: narrow-pane friendly stacks and two-column rows. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useEditorStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(100px, 1fr))",
    gap: tokens.spacingHorizontalS,
    alignItems: "end",
    // Grid items default to their content's width; inputs must shrink to a 320 px pane instead.
    "& > *": { minWidth: 0 },
  },
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}` },
});

/** An Input that fills its cell: Fluent's Input otherwise keeps the native input's 20-character width. */
export const useControlStyles = makeStyles({
  root: { width: "100%", minWidth: 0, boxSizing: "border-box" },
  input: { width: "100%", minWidth: 0 },
});
