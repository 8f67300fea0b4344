/** Renders pane components as the add-in does: inside FluentProvider and an i18next instance. */
import type { ReactElement } from "react";
import { render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { I18nextProvider } from "react-i18next";
import type { Lang } from "../../src/engine/types";
import { createI18n } from "../../src/i18n";

export function renderPane(ui: ReactElement, lang: Lang = "en") {
  const i18n = createI18n(lang);
  const result = render(
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={webLightTheme}>{ui}</FluentProvider>
    </I18nextProvider>,
  );
  return { ...result, i18n };
}
