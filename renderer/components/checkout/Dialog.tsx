import { useEffect, useRef, type ReactNode } from 'react';

export interface DialogProps {
  readonly title: string;
  readonly testId: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly wide?: boolean;
}

/**
 * A modal panel. It takes focus when it opens (the first field marked `data-autofocus`, else the
 * first focusable element) and gives it back when it closes. Escape is bound by the caller through
 * the shortcut registry so it is listed in the help overlay.
 */
export function Dialog({ title, testId, onClose, children, wide = false }: DialogProps): React.JSX.Element {
  const panelRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement;
    const panel = panelRef.current;
    const target =
      panel?.querySelector<HTMLElement>('[data-autofocus]') ??
      panel?.querySelector<HTMLElement>('input, select, button, [tabindex]:not([tabindex="-1"])');
    target?.focus();
    return () => {
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
    };
  }, []);
  return (
    <div className="overlay-backdrop" onClick={onClose} role="presentation">
      <div
        ref={panelRef}
        className={`overlay-panel checkout-dialog${wide ? ' checkout-dialog-wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${testId}-title`}
        data-testid={testId}
        onClick={(event) => event.stopPropagation()}
      >
        <h2 id={`${testId}-title`} className="checkout-dialog-title">
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}
