/** Whether the pane draws on a dark theme (index.tsx sets it from Office's theme), for colours chosen per theme. */
import { createContext, useContext } from "react";

export const DarkThemeContext = createContext(false);

export function useDarkTheme(): boolean {
  return useContext(DarkThemeContext);
}
