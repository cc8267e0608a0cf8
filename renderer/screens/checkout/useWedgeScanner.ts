import { useEffect, useRef } from 'react';
import { DEFAULT_WEDGE_SETTINGS, WedgeDetector, type WedgeDecision, type WedgeSettings, type WedgeTerminator } from '../../../shared/scanner/wedgeDetector';

function textField(element: Element | null): HTMLInputElement | HTMLTextAreaElement | null {
  if (element instanceof HTMLTextAreaElement) return element;
  if (element instanceof HTMLInputElement && ['text', 'search', 'tel', 'email', 'password', 'number', 'url', ''].includes(element.type)) {
    return element;
  }
  return null;
}

/**
 * Fields whose keys are never taken as a scan, however fast they come: secrets (PINs) and any field
 * marked `data-wedge="off"`. A scan there would otherwise be looked up, and logged, as a code.
 */
function typedOnly(element: Element | null): boolean {
  if (element instanceof HTMLInputElement && element.type === 'password') return true;
  return element instanceof HTMLElement && element.closest('[data-wedge="off"]') !== null;
}

/**
 * How long a key that may start a scan is held in the empty scan field before it is typed after all.
 * A scanner's next key comes within a few milliseconds; a person does not notice 20.
 */
const FIRST_KEY_HOLD_MS = 20;

/** Keys a barcode starts with; others (+ and − change the quantity in the empty field) pass at once. */
const BARCODE_START = /^[0-9A-Za-z]$/;

/** The empty field scans land in (marked `data-scan-field`). */
function isEmptyScanField(field: HTMLInputElement | HTMLTextAreaElement | null): boolean {
  return field !== null && field.dataset.scanField !== undefined && field.value === '';
}

/** Edits a field the way typing would, so React's onChange sees it (setRangeText bypasses React's value tracker). */
function replaceBeforeCaret(field: HTMLInputElement | HTMLTextAreaElement, remove: number, insert: string): void {
  const caret = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? caret;
  field.setRangeText(insert, Math.max(0, caret - remove), end, 'end');
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Attaches the keyboard-wedge detector to window keydown (capture phase, before any field sees the
 * key) while `enabled`. A scanner's burst + Enter becomes one `onScan(code)` and never lands in the
 * focused field; slower human typing passes through untouched.
 */
export function useWedgeScanner(
  onScan: (code: string) => void,
  settings: WedgeSettings | null,
  enabled: boolean,
  /** A burst of scanner-fast keys ended in a terminator but was no scan (too short) and no text field was focused to take it. */
  onDropped?: (keys: string) => void,
): void {
  const onScanRef = useRef(onScan);
  const onDroppedRef = useRef(onDropped);
  useEffect(() => {
    onScanRef.current = onScan;
    onDroppedRef.current = onDropped;
  });

  // Rebuild the detector only when a threshold really changes: a re-fetched settings object with the
  // same values must not drop a burst that is half way in.
  const { minLength, maxGapMs, maxAverageGapMs, terminators } = settings ?? DEFAULT_WEDGE_SETTINGS;
  const terminatorKey = terminators.join('\u0000');

  useEffect(() => {
    if (!enabled) return undefined;
    const detector = new WedgeDetector({ minLength, maxGapMs, maxAverageGapMs, terminators: terminatorKey.split('\u0000') as WedgeTerminator[] });
    // Generous against a busy main thread (a stall must not split a real scan); a person's held
    // keys still reach the field within a tenth of a second.
    const releaseAfterMs = Math.max(maxGapMs + 5, 100);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let firstTimer: ReturnType<typeof setTimeout> | undefined;
    // Characters the detector asked to take back that were not in the field after all (a handler
    // consumed the key, or focus was elsewhere): a release must not insert them a second time.
    let notTakenBack = '';

    const release = (decision: WedgeDecision): void => {
      if (decision.kind !== 'release') return;
      const text = decision.text.startsWith(notTakenBack) ? decision.text.slice(notTakenBack.length) : decision.text;
      notTakenBack = '';
      const field = textField(document.activeElement);
      if (field && text !== '') replaceBeforeCaret(field, 0, text);
    };

    /** Removes `text` from before the caret if it is there; returns it when it was not. */
    const takeBack = (text: string): string => {
      const field = textField(document.activeElement);
      const caret = field?.selectionStart ?? 0;
      if (field && field.value.slice(caret - text.length, caret) === text) {
        replaceBeforeCaret(field, text.length, '');
        return '';
      }
      return text;
    };

    const onKeyDown = (event: KeyboardEvent): void => {
      if (typedOnly(document.activeElement)) {
        // A PIN typed fast (a manager who knows it by heart, a PIN pad) is the field's, never a scan.
        release(detector.flush(Number.POSITIVE_INFINITY));
        return;
      }
      const holdFirst = BARCODE_START.test(event.key) && isEmptyScanField(textField(document.activeElement));
      const terminator = (terminatorKey.split('\u0000') as string[]).includes(event.key);
      const burst = terminator ? detector.burst(event.timeStamp) : '';
      const decision = detector.key(
        {
          key: event.key,
          at: event.timeStamp,
          ctrlKey: event.ctrlKey,
          altKey: event.altKey,
          metaKey: event.metaKey,
          repeat: event.repeat,
          isComposing: event.isComposing,
        },
        { holdFirst },
      );
      // Two or more keys within the scanner's gap, then Enter or Tab, with nowhere to type them: a
      // scan too short to be sure of. Said on screen rather than lost, and its Enter does not press
      // whatever button has focus.
      if (decision.kind !== 'scan' && burst.length >= 2 && textField(document.activeElement) === null) {
        event.preventDefault();
        event.stopImmediatePropagation();
        clearTimeout(timer);
        clearTimeout(firstTimer);
        notTakenBack = '';
        onDroppedRef.current?.(burst);
        return;
      }
      if (decision.kind === 'pass') return;
      if (decision.kind === 'release') {
        // The held keys were typing after all: give them back, then let this key through as usual.
        release(decision);
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
      clearTimeout(timer);
      clearTimeout(firstTimer);
      if (decision.kind === 'hold') {
        // A held first key is typed after all unless a second one follows at once (no-op otherwise).
        firstTimer = setTimeout(() => release(detector.releaseFirst()), FIRST_KEY_HOLD_MS);
        // The burst's first character reached the field before the burst looked like a scan.
        if (decision.takeBack !== '') notTakenBack = takeBack(decision.takeBack);
        // If no further key comes within the gap, this was a person typing fast: release what was held.
        timer = setTimeout(() => release(detector.flush(performance.now())), releaseAfterMs);
        return;
      }
      notTakenBack = '';
      if (decision.leaked > 0) takeBack(decision.code.slice(0, decision.leaked));
      onScanRef.current(decision.code);
    };

    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => {
      clearTimeout(timer);
      clearTimeout(firstTimer);
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      // Keys held when the detector goes away were typing: hand them back rather than lose them.
      release(detector.flush(Number.POSITIVE_INFINITY));
    };
  }, [enabled, minLength, maxGapMs, maxAverageGapMs, terminatorKey]);
}
