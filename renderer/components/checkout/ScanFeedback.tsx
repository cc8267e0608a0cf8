import { useEffect, useState, type ReactNode } from 'react';
import type { FeedbackKind } from '../../feedback/tones';

/** Long enough to catch the eye; errors stay up longer. */
export const FLASH_MS: Readonly<Record<FeedbackKind, number>> = { ok: 200, warning: 450, error: 700 };

/**
 * A coloured frame around the screen, shown and then removed: two repaints. A fading flash would
 * repaint the whole screen every frame while it runs, and keep frames ticking, so the next scan's
 * row would wait for the next display refresh instead of being drawn at once.
 */
function Flash({ kind }: { readonly kind: FeedbackKind }): React.JSX.Element | null {
  const [shown, setShown] = useState(true);
  useEffect(() => {
    const timer = setTimeout(() => setShown(false), FLASH_MS[kind]);
    return () => clearTimeout(timer);
  }, [kind]);
  return shown ? <div className={`scan-flash scan-flash-${kind}`} aria-hidden="true" data-testid="scan-flash" data-kind={kind} /> : null;
}

export interface ScanFeedbackProps {
  readonly kind: FeedbackKind;
  readonly message: string;
  /** Changes on every event so the flash shows again even for the same message. */
  readonly sequence: number;
  /** Follow-up actions, e.g. "Search by name" after an unknown code. */
  readonly actions?: ReactNode;
}

/**
 * The visible half of scan feedback (the audible half is `playTone`): a coloured flash around the
 * screen and a message line. Errors are announced assertively, successes politely.
 */
export function ScanFeedback({ kind, message, sequence, actions }: ScanFeedbackProps): React.JSX.Element {
  return (
    <>
      <Flash key={`flash-${sequence}`} kind={kind} />
      <div
        key={`msg-${sequence}`}
        className={`scan-feedback scan-feedback-${kind}`}
        role={kind === 'ok' ? 'status' : 'alert'}
        data-testid="scan-feedback"
        data-kind={kind}
        data-seq={sequence}
      >
        <span className="scan-feedback-icon" aria-hidden="true">
          {kind === 'ok' ? '✔' : kind === 'warning' ? '⚠' : '✖'}
        </span>
        <span className="scan-feedback-message">{message}</span>
        {actions ? <span className="scan-feedback-actions">{actions}</span> : null}
      </div>
    </>
  );
}
