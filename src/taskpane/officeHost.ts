/**
 * The only place the task pane touches Office.js: the workbook port over Excel.run, the display
 * language, the Office theme, and sheet activation. Everything else receives these as values.
 */
import type { i18n as I18n } from "i18next";
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import { createExcelWorkbook } from "../excel";
import type { Lang } from "../engine/types";
import { langFromDisplayLanguage } from "../i18n";
import type { PaneActions } from "./paneActions";
import { createHostActions } from "./hostActions";

export function officeLang(): Lang {
  return langFromDisplayLanguage(Office.context?.displayLanguage);
}

/** Office's dark themes have a dark body background; pick Fluent's dark theme to match. */
export function officeFluentTheme(): Theme {
  return officeIsDark() ? webDarkTheme : webLightTheme;
}

/** Whether Office's theme is dark (its body background's luminance below one half). */
export function officeIsDark(): boolean {
  const background = Office.context?.officeTheme?.bodyBackgroundColor;
  const match = background ? /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background) : null;
  if (!match) return false;
  const [r, g, b] = [match[1], match[2], match[3]].map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

export function createOfficeActions(i18n: I18n): PaneActions {
  let cellEditListener: (() => void) | null = null;
  const port = createExcelWorkbook(Excel.run, {
    isSetSupported: (name: string, version: string) => Office.context.requirements.isSetSupported(name, version),
    onCellEditWait: () => cellEditListener?.(),
  });
  return createHostActions({
    port,
    onCellEditWait: (listener) => {
      cellEditListener = listener;
    },
    t: i18n.t.bind(i18n),
    activateSheet: (name) =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem(name).activate();
        await context.sync();
      }),
  });
}
