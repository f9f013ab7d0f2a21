import { signal } from "@preact/signals";

/** Light or dark, or as the system says (the default). */
export type Theme = "system" | "light" | "dark";

const KEY = "notes.theme";
const stored = typeof localStorage !== "undefined" ? localStorage.getItem(KEY) : null;

/** The person's choice of theme, kept in this browser. */
export const theme = signal<Theme>(stored === "light" || stored === "dark" ? stored : "system");

/** Puts the theme on the page: the stylesheet follows the system unless the root names a theme. */
export function applyTheme(chosen: Theme = theme.value): void {
  if (chosen === "system") delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = chosen;
}

export function setTheme(chosen: Theme): void {
  theme.value = chosen;
  if (chosen === "system") localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, chosen);
  applyTheme(chosen);
}
