/** True when keyboard focus has been lost: on the page body, or on an element that has just been removed. */
function focusLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected;
}

/**
 * Puts focus on the page's heading (h1) once it is shown: after a page change, or when a delete, «Fortryd» or a
 * closed dialog left it nowhere. A lazily loaded page shows its heading a moment later, so it is looked for over a
 * few frames. `onlyIfLost` leaves focus where it is when it still sits on something.
 */
export function focusPageHeading({ onlyIfLost = false } = {}) {
  let frames = 60;
  const attempt = () => {
    if (onlyIfLost && !focusLost()) return;
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading) heading.focus({ preventScroll: false });
    else if (frames-- > 0) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}

const TABBABLE = 'input:not([disabled]):not([type=hidden]), textarea:not([disabled]), select:not([disabled]), button:not([disabled]), a[href], [contenteditable=true], [tabindex]:not([tabindex="-1"])';

/**
 * Once a dialog or drawer has opened, focus belongs in its first field. Mantine puts it on the close button when no
 * field is marked, and a menu that opened the dialog, or a dialog that closed as this one opened, hands focus back
 * to the page behind a moment later: Tab would then walk the dimmed page.
 */
function focusIntoNewestDialog() {
  const dialogs = document.querySelectorAll<HTMLElement>('.mantine-Modal-content, .mantine-Drawer-content');
  const dialog = dialogs[dialogs.length - 1];
  if (!dialog) return;
  const active = document.activeElement;
  const onClose = active instanceof HTMLElement && active.matches('.mantine-Modal-close, .mantine-Drawer-close');
  if (dialog.contains(active) && !onClose) return;
  const body = dialog.querySelector('.mantine-Modal-body, .mantine-Drawer-body') ?? dialog;
  const first = body.querySelector<HTMLElement>('[data-autofocus]') ?? body.querySelector<HTMLElement>(TABBABLE);
  (first ?? dialog.querySelector<HTMLElement>(TABBABLE))?.focus();
}

let openDialogs = 0;

/**
 * The element last focused on the page itself, outside every dialog: where focus goes back to when a dialog closes
 * that did not see where it came from (one loaded on first use mounts already open, so Mantine records no opener).
 */
let lastOnPage: HTMLElement | null = null;
/** Where the caret stood in that element when it was left, if it is a text being written (rich text). */
let caretOnPage: Range | null = null;
document.addEventListener('focusin', (event) => {
  if (event.target instanceof HTMLElement && !event.target.closest('[role="dialog"]')) lastOnPage = event.target;
});
document.addEventListener('focusout', (event) => {
  const selection = document.getSelection();
  if (lastOnPage && event.target === lastOnPage && lastOnPage.isContentEditable && selection?.rangeCount) caretOnPage = selection.getRangeAt(0).cloneRange();
});

/** Focus back on the element last focused on the page, and in a rich text the caret back where it was. */
function returnToPage(element: HTMLElement) {
  element.focus({ preventScroll: true });
  const caret = caretOnPage;
  if (!caret || !element.isContentEditable || !element.contains(caret.startContainer)) return;
  document.getSelection()?.removeAllRanges();
  document.getSelection()?.addRange(caret);
}

/** A dialog or drawer has opened: focus into it. */
export function dialogOpened() {
  openDialogs++;
  focusIntoNewestDialog();
}

/**
 * A dialog or drawer has closed. Focus has gone back to what opened it; when the dialog did not know that, to the
 * element last focused on the page (a rich-text field where a shortcut opened it), and when that is gone too (a
 * deleted row), to the heading. The dialog's content leaves the page a moment after its exit transition, taking
 * focus with it, so focus is looked at over a few frames. Counted, because a dialog that never opened also ends an
 * exit transition.
 */
export function dialogClosed() {
  if (openDialogs === 0) return;
  openDialogs--;
  let frames = 30;
  const attempt = () => {
    if (!focusLost()) {
      if (document.activeElement?.closest('[role="dialog"]') && frames-- > 0) requestAnimationFrame(attempt);
      return;
    }
    if (lastOnPage?.isConnected) returnToPage(lastOnPage);
    else focusPageHeading({ onlyIfLost: true });
  };
  requestAnimationFrame(attempt);
}
