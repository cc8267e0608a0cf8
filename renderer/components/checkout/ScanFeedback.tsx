import type { ReactNode } from 'react';
import type { FeedbackKind } from '../../feedback/tones';

export interface ScanFeedbackProps {
  readonly kind: FeedbackKind;
  readonly message: string;
  /** Changes on every event so the flash animation restarts even for the same message. */
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
      <div key={`flash-${sequence}`} className={`scan-flash scan-flash-${kind}`} aria-hidden="true" data-testid="scan-flash" data-kind={kind} />
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
