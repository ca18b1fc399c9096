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

/** A dialog or drawer has opened: focus into it. */
export function dialogOpened() {
  openDialogs++;
  focusIntoNewestDialog();
}

/**
 * A dialog or drawer has closed. Focus has gone back to what opened it; when that is gone (a deleted row, a shortcut
 * pressed on the page), to the heading. Counted, because a dialog that never opened also ends an exit transition.
 */
export function dialogClosed() {
  if (openDialogs === 0) return;
  openDialogs--;
  focusPageHeading({ onlyIfLost: true });
}
