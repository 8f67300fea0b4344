/**
 * Task pane entry: waits for Office, picks the language and theme Office reports, and renders App
 * under FluentProvider and i18next. A mark "kpi-interactive" records the first interactive render.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { I18nextProvider } from "react-i18next";
import { createI18n } from "../i18n";
import { App } from "./App";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { DarkThemeContext } from "./components/paneTheme";
import { KPI_CATALOG } from "./kpiCatalog";
import { createOfficeActions, officeFluentTheme, officeIsDark, officeLang } from "./officeHost";

void Office.onReady(() => {
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html must contain #container");
  const lang = officeLang();
  const i18n = createI18n(lang);
  const actions = createOfficeActions(i18n);
  createRoot(container).render(
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={officeFluentTheme()} style={{ minHeight: "100vh" }}>
        <DarkThemeContext.Provider value={officeIsDark()}>
          <ErrorBoundary>
            <App
              actions={actions}
              initialLang={lang}
              catalog={KPI_CATALOG}
              onInteractive={() => performance.mark("kpi-interactive")}
            />
          </ErrorBoundary>
        </DarkThemeContext.Provider>
      </FluentProvider>
    </I18nextProvider>,
  );
});
