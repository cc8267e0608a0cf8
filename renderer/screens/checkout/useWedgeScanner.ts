import { useEffect, useRef } from 'react';
import { DEFAULT_WEDGE_SETTINGS, WedgeDetector, type WedgeDecision, type WedgeSettings } from '../../../shared/scanner/wedgeDetector';

function textField(element: Element | null): HTMLInputElement | HTMLTextAreaElement | null {
  if (element instanceof HTMLTextAreaElement) return element;
  if (element instanceof HTMLInputElement && ['text', 'search', 'tel', 'email', 'password', 'number', 'url', ''].includes(element.type)) {
    return element;
  }
  return null;
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
export function useWedgeScanner(onScan: (code: string) => void, settings: WedgeSettings | null, enabled: boolean): void {
  const onScanRef = useRef(onScan);
  useEffect(() => {
    onScanRef.current = onScan;
  });

  useEffect(() => {
    if (!enabled) return undefined;
    const detector = new WedgeDetector(settings ?? DEFAULT_WEDGE_SETTINGS);
    const gap = (settings ?? DEFAULT_WEDGE_SETTINGS).maxGapMs;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const release = (decision: WedgeDecision): void => {
      if (decision.kind !== 'release') return;
      const field = textField(document.activeElement);
      if (field) replaceBeforeCaret(field, 0, decision.text);
    };

    const onKeyDown = (event: KeyboardEvent): void => {
      const decision = detector.key({
        key: event.key,
        at: event.timeStamp,
        ctrlKey: event.ctrlKey,
        altKey: event.altKey,
        metaKey: event.metaKey,
        repeat: event.repeat,
        isComposing: event.isComposing,
      });
      if (decision.kind === 'pass') return;
      if (decision.kind === 'release') {
        // The held keys were typing after all: give them back, then let this key through as usual.
        release(decision);
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
      clearTimeout(timer);
      if (decision.kind === 'hold') {
        // If no further key comes within the gap, this was a person typing fast: release what was held.
        timer = setTimeout(() => release(detector.flush(performance.now())), gap + 5);
        return;
      }
      // The burst's first character reached the focused field before it looked like a scan.
      const field = textField(document.activeElement);
      if (field && decision.leaked > 0) {
        const caret = field.selectionStart ?? field.value.length;
        if (field.value.slice(caret - decision.leaked, caret) === decision.code.slice(0, decision.leaked)) {
          replaceBeforeCaret(field, decision.leaked, '');
        }
      }
      onScanRef.current(decision.code);
    };

    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => {
      clearTimeout(timer);
      window.removeEventListener('keydown', onKeyDown, { capture: true });
    };
  }, [enabled, settings]);
}
