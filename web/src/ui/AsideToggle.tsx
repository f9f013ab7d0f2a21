import { useState } from "preact/hooks";

/**
 * On a phone the side panel (members, timer, safety numbers) has no room beside the lines: this
 * button swaps the lines for it and back. On wider screens both show and the button is hidden.
 */
export function useAsideToggle(label: string): { open: boolean; toggle: preact.JSX.Element } {
  const [open, setOpen] = useState(false);
  const toggle = (
    <button type="button" class="aside-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
      {open ? "Back to the messages" : label}</button>
  );
  return { open, toggle };
}
