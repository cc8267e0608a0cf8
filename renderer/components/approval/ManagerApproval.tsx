import { useId, useState, type FormEvent } from 'react';
import type { ApprovalRequest, IssuedApproval } from '../../../shared/contract/approval';
import { requestApproval, type ManagerFailure, type ManagerOutcome } from '../../api/managers';
import type { Translate } from '../../i18n/t';

export interface ManagerApprovalProps {
  /** Exactly what the manager approves; main binds the approval to it. */
  readonly request: ApprovalRequest;
  /** What is being approved, in a line the manager reads before typing the PIN. */
  readonly description: string;
  readonly t: Translate;
  readonly onApproved: (approval: IssuedApproval) => void;
  readonly onCancel: () => void;
  /** Asks main; `pos.manager.approve` unless a test or story passes its own. */
  readonly approve?: (request: ApprovalRequest, pin: string) => Promise<ManagerOutcome<IssuedApproval>>;
}

const PIN_FORMAT = /^\d{4,12}$/;

/** The words for a refusal from main, in the UI language; HH:MM is the register's own clock. */
export function managerFailureText(t: Translate, failure: ManagerFailure): string {
  switch (failure.kind) {
    case 'wrong_pin':
      if (failure.attemptsLeft === null) return t('approval.pin.wrongPlain');
      return failure.attemptsLeft === 1 ? t('approval.pin.wrongOne') : t('approval.pin.wrong', { count: failure.attemptsLeft });
    case 'locked':
      return failure.retryAt ? t('approval.pin.locked', { time: failure.retryAt.slice(11, 16) }) : t('approval.pin.lockedPlain');
    case 'not_configured':
      return t('approval.pin.notConfigured');
    case 'error':
      return t('approval.pin.failed', { message: failure.message });
  }
}

/**
 * A dialog body asking for a manager's PIN (put it in a `Dialog`; the caller binds Escape). The PIN
 * is checked in main and the field is emptied after every answer, right or wrong, so it is never
 * kept once it has been used.
 */
export function ManagerApproval({ request, description, t, onApproved, onCancel, approve = requestApproval }: ManagerApprovalProps): React.JSX.Element {
  const id = useId();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    // Checked here too, so a typo never counts as a wrong PIN in main.
    if (!PIN_FORMAT.test(pin)) {
      setError(t(pin === '' ? 'approval.pin.empty' : 'approval.pin.format'));
      return;
    }
    setBusy(true);
    try {
      const outcome = await approve(request, pin);
      if (outcome.ok) {
        setError(null);
        onApproved(outcome.value);
      } else {
        setError(managerFailureText(t, outcome.failure));
      }
    } finally {
      setPin('');
      setBusy(false);
    }
  };

  return (
    <form className="manager-approval" onSubmit={(event) => void submit(event)} noValidate aria-busy={busy} data-testid="manager-approval">
      <p data-testid="manager-approval-description">{description}</p>
      <div className="field">
        <label className="field-label" htmlFor={id}>
          {t('approval.pin')}
        </label>
        <input
          id={id}
          className="input"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          autoFocus
          data-autofocus
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
          value={pin}
          onChange={(event) => {
            setPin(event.target.value);
            setError(null);
          }}
          data-testid="manager-pin"
        />
        <span className="field-hint" id={`${id}-hint`}>
          {t('approval.pinHint')}
        </span>
        {error ? (
          <p className="field-error" id={`${id}-error`} role="alert" data-testid="manager-approval-error">
            {error}
          </p>
        ) : null}
      </div>
      <div className="button-row dialog-footer">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="manager-approve">
          {busy ? t('approval.approving') : t('approval.approve')}
        </button>
        <button type="button" className="button" onClick={onCancel} data-testid="manager-cancel">
          {t('approval.cancel')}
        </button>
      </div>
    </form>
  );
}
