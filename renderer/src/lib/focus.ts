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
