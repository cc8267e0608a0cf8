/**
 * The forms of the Managers section: add a manager or change a PIN, and remove one. PIN fields are
 * emptied after every answer from main, so a PIN never stays on screen once it was used.
 */
import { useState, type FormEvent } from 'react';
import type { ManagerFailure } from '../../api/managers';
import { managerFailureText } from '../../components/approval/ManagerApproval';
import { Field } from '../../components/forms/Field';
import type { Translate } from '../../i18n/t';

const PIN_FORMAT = /^\d{4,12}$/;

type FieldName = 'name' | 'pin' | 'repeat' | 'approverPin';
type Problems = Partial<Record<FieldName | 'form', string>>;

/** Where main's refusal belongs: the approver's PIN, the new PIN, or the form as a whole. */
function problemsOf(t: Translate, failure: ManagerFailure): Problems {
  const text = managerFailureText(t, failure);
  if (failure.kind === 'wrong_pin') return { approverPin: text };
  if (failure.kind === 'error') {
    const field = (['pin', 'approverPin', 'name'] as const).find((f) => failure.fields.includes(f));
    if (field) return { [field]: failure.message };
  }
  return { form: text };
}

function PinInput(props: {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly testId: string;
  readonly control: { id: string; describedBy: string | undefined; invalid: boolean };
}): React.JSX.Element {
  const { control } = props;
  return (
    <input
      id={control.id}
      className="input"
      type="password"
      inputMode="numeric"
      autoComplete="off"
      maxLength={12}
      aria-describedby={control.describedBy}
      aria-invalid={control.invalid}
      value={props.value}
      onChange={(event) => props.onChange(event.target.value)}
      data-testid={props.testId}
    />
  );
}

export interface ManagerPinFormProps {
  readonly t: Translate;
  /** The manager whose PIN changes; null to add a new manager. */
  readonly name: string | null;
  /** Whether an existing manager's PIN is needed (always, once any manager exists). */
  readonly needsApprover: boolean;
  /** Resolves with main's refusal, or null when saved. */
  readonly onSubmit: (name: string, pin: string, approverPin: string | null) => Promise<ManagerFailure | null>;
  readonly onCancel: (() => void) | null;
}

export function ManagerPinForm({ t, name: fixedName, needsApprover, onSubmit, onCancel }: ManagerPinFormProps): React.JSX.Element {
  const [name, setName] = useState(fixedName ?? '');
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [approverPin, setApproverPin] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);

  const edit = (field: FieldName, set: (value: string) => void) => (value: string) => {
    set(value);
    setProblems((p) => ({ ...p, [field]: undefined, form: undefined }));
  };

  const check = (): Problems => {
    const found: Problems = {};
    if (name.trim() === '') found.name = t('approval.managers.nameEmpty');
    if (!PIN_FORMAT.test(pin)) found.pin = t('approval.pin.format');
    else if (repeat !== pin) found.repeat = t('approval.managers.mismatch');
    if (needsApprover && !PIN_FORMAT.test(approverPin)) found.approverPin = t(approverPin === '' ? 'approval.pin.empty' : 'approval.pin.format');
    return found;
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const found = check();
    if (Object.keys(found).length > 0) {
      setProblems(found);
      return;
    }
    setBusy(true);
    try {
      const failure = await onSubmit(name.trim(), pin, needsApprover ? approverPin : null);
      setProblems(failure ? problemsOf(t, failure) : {});
      if (!failure && fixedName === null) setName('');
    } finally {
      setPin('');
      setRepeat('');
      setApproverPin('');
      setBusy(false);
    }
  };

  const testId = fixedName === null ? 'manager-add' : 'manager-change';
  return (
    <form className="manager-form" onSubmit={(event) => void submit(event)} noValidate aria-busy={busy} data-testid={`${testId}-form`}>
      {fixedName === null ? (
        <Field label={t('approval.managers.name')} error={problems.name}>
          {(control) => (
            <input
              id={control.id}
              className="input"
              maxLength={60}
              autoComplete="off"
              aria-describedby={control.describedBy}
              aria-invalid={control.invalid}
              value={name}
              onChange={(event) => edit('name', setName)(event.target.value)}
              data-testid="manager-name"
            />
          )}
        </Field>
      ) : (
        <h3>{t('approval.managers.changeTitle', { name: fixedName })}</h3>
      )}
      <Field label={t('approval.managers.newPin')} hint={t('approval.managers.newPinHint')} error={problems.pin}>
        {(control) => <PinInput value={pin} onChange={edit('pin', setPin)} testId="manager-new-pin" control={control} />}
      </Field>
      <Field label={t('approval.managers.repeatPin')} error={problems.repeat}>
        {(control) => <PinInput value={repeat} onChange={edit('repeat', setRepeat)} testId="manager-repeat-pin" control={control} />}
      </Field>
      {needsApprover ? (
        <Field label={t('approval.managers.approverPin')} hint={t('approval.managers.approverHint')} error={problems.approverPin}>
          {(control) => <PinInput value={approverPin} onChange={edit('approverPin', setApproverPin)} testId="manager-approver-pin" control={control} />}
        </Field>
      ) : null}
      {problems.form ? (
        <p className="notice notice-error" role="alert" data-testid={`${testId}-error`}>
          {problems.form}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy} data-testid={`${testId}-save`}>
          {busy ? t('approval.managers.saving') : fixedName === null ? t('approval.managers.add') : t('approval.managers.save')}
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            {t('approval.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

export interface RemoveManagerFormProps {
  readonly t: Translate;
  readonly name: string;
  readonly onSubmit: (approverPin: string) => Promise<ManagerFailure | null>;
  readonly onCancel: () => void;
}

export function RemoveManagerForm({ t, name, onSubmit, onCancel }: RemoveManagerFormProps): React.JSX.Element {
  const [approverPin, setApproverPin] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!PIN_FORMAT.test(approverPin)) {
      setProblems({ approverPin: t(approverPin === '' ? 'approval.pin.empty' : 'approval.pin.format') });
      return;
    }
    setBusy(true);
    try {
      const failure = await onSubmit(approverPin);
      setProblems(failure ? problemsOf(t, failure) : {});
    } finally {
      setApproverPin('');
      setBusy(false);
    }
  };

  return (
    <form className="manager-form" onSubmit={(event) => void submit(event)} noValidate aria-busy={busy} data-testid="manager-remove-form">
      <h3>{t('approval.managers.removeTitle', { name })}</h3>
      <Field label={t('approval.managers.approverPin')} hint={t('approval.managers.approverHint')} error={problems.approverPin}>
        {(control) => (
          <PinInput
            value={approverPin}
            onChange={(value) => {
              setApproverPin(value);
              setProblems({});
            }}
            testId="manager-approver-pin"
            control={control}
          />
        )}
      </Field>
      {problems.form ? (
        <p className="notice notice-error" role="alert" data-testid="manager-remove-error">
          {problems.form}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button-danger" disabled={busy} data-testid="manager-remove-confirm">
          {t('approval.managers.confirmRemove', { name })}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('approval.cancel')}
        </button>
      </div>
    </form>
  );
}
