import { useEffect } from 'react';

/** Elements that take the keyboard themselves: focus stays where the cashier put it. */
const KEYBOARD_TARGETS = 'input, textarea, select, [contenteditable="true"]';

/**
 * After a click anywhere in the window (or Escape) that leaves no dialog open and no field to type
 * in (EN/ID, a header button, a row's + or −, Reprint, the help overlay closed …), puts the cursor
 * back in the scan field, so the next scan or hand-typed code lands there instead of on the button
 * just pressed.
 */
export function useReturnFocusToScan(focusScan: () => void): void {
  useEffect(() => {
    let frame = 0;
    const settle = (): void => {
      cancelAnimationFrame(frame);
      // After the click's own handlers and React's update, so a dialog it opened is already there.
      frame = requestAnimationFrame(() => {
        if (document.querySelector('[role="dialog"]') !== null) return;
        const active = document.activeElement;
        if (active instanceof HTMLElement && active.matches(KEYBOARD_TARGETS)) return;
        focusScan();
      });
    };
    // Escape closes the help overlay, which hands focus back to the button that opened it.
    const onKeyUp = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') settle();
    };
    // Capture phase: the cart rows' buttons stop their clicks from bubbling (so they do not select the row).
    document.addEventListener('click', settle, true);
    document.addEventListener('keyup', onKeyUp);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('click', settle, true);
      document.removeEventListener('keyup', onKeyUp);
    };
  }, [focusScan]);
}
