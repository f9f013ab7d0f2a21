/**
 * Keeps the app the height of what the person sees: when a phone's keyboard opens, the visual
 * viewport shrinks (and on some browsers scrolls) while the page does not, which would leave the
 * message box under the keyboard. The app's box follows the visual viewport instead (style.css
 * reads --app-height and --app-top), so the message box stays just above the keyboard.
 */
export function followVisualViewport(): void {
  const viewport = window.visualViewport;
  if (!viewport) return;
  const root = document.documentElement;
  const follow = () => {
    root.style.setProperty("--app-height", `${Math.round(viewport.height)}px`);
    root.style.setProperty("--app-top", `${Math.round(viewport.offsetTop)}px`);
  };
  viewport.addEventListener("resize", follow);
  viewport.addEventListener("scroll", follow);
  follow();
}
