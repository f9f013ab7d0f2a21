import { useEffect, useRef, useState } from "preact/hooks";

/**
 * A conversation's details (members, and in a scene its timer, agreement, transcript and safety
 * numbers): beside the lines on a wide screen; on a phone in a sheet over them, opened by a
 * button in the view's header and closed by another (or Escape).
 */
export function useDetails(narrow: boolean, title: string, opener: preact.ComponentChildren) {
  const [open, setOpen] = useState(false);
  const button = narrow && (
    <button type="button" class="details-toggle" aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(true)}>{opener}</button>
  );
  const panel = (children: preact.ComponentChildren) => narrow
    ? <Sheet title={title} open={open} close={() => setOpen(false)}>{children}</Sheet>
    : <aside class="details" aria-label={title}>{children}</aside>;
  // Something in the view may ask for the details (a scene's changed safety number): on a phone that opens the sheet.
  const show = () => { if (narrow) setOpen(true); };
  return { button, panel, show };
}

function Sheet({ title, open, close, children }: { title: string; open: boolean; close: () => void; children: preact.ComponentChildren }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const sheet = dialog.current;
    if (!sheet) return;
    if (open && !sheet.open) sheet.showModal();
    if (!open && sheet.open) sheet.close();
  }, [open]);
  return (
    <dialog ref={dialog} class="sheet" aria-label={title} onClose={close} data-view={open ? "sheet" : undefined}>
      <div class="sheet-head">
        <h2>{title}</h2>
        <button type="button" onClick={close}>Back<span class="sr-only"> to the messages</span></button>
      </div>
      <div class="sheet-body">{open && children}</div>
    </dialog>
  );
}
