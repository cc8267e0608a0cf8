import { useState, type FormEvent } from 'react';
import { Field } from '../../components/forms/Field';
import { useT } from '../../i18n/useT';
import type { ConnectInput } from '../../state/settingsSlice';
import { useStore } from '../../state/store';
import { connectErrorKey, connectFieldErrors, type ConnectFieldErrors } from './connectErrors';

interface Failure {
  readonly headline: string;
  readonly detail: string;
}

interface FieldShape {
  readonly hint?: string;
  readonly type?: 'password';
  readonly spellCheck?: false;
  readonly inputMode?: 'url';
}

/** Subdomain, client id and secret; main tests them against DealPOS before keeping anything. */
export function ConnectForm({ onConnected }: { readonly onConnected?: () => void }): React.JSX.Element {
  const t = useT();
  const connect = useStore((s) => s.connect);
  const [input, setInput] = useState<ConnectInput>({ subdomain: '', clientId: '', clientSecret: '' });
  const [fieldErrors, setFieldErrors] = useState<ConnectFieldErrors>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  const update = (field: keyof ConnectInput, value: string): void => {
    setInput((prev) => ({ ...prev, [field]: value }));
    if (fieldErrors[field]) setFieldErrors((prev) => ({ ...prev, [field]: undefined }));
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setFailure(null);
    const errors = connectFieldErrors(input);
    setFieldErrors(errors);
    if (Object.values(errors).some(Boolean)) return;
    setBusy(true);
    try {
      const result = await connect(input);
      if (result.ok) {
        setInput((prev) => ({ ...prev, clientSecret: '' }));
        onConnected?.();
        return;
      }
      if (result.code === 'validation' && result.issues.length > 0) setFieldErrors(connectFieldErrors(input, result.issues));
      setFailure({ headline: t(connectErrorKey(result.code)), detail: result.message });
    } finally {
      setBusy(false);
    }
  };

  // The three credentials are each one input bound to one ConnectInput field and its error; nothing
  // is autofilled, and what differs per field is in `shape`.
  const field = (name: keyof ConnectInput, label: string, testId: string, shape: FieldShape) => (
    <Field label={label} hint={shape.hint} error={fieldErrors[name] ? t(fieldErrors[name]) : null}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          className="input"
          type={shape.type}
          autoComplete="off"
          spellCheck={shape.spellCheck}
          inputMode={shape.inputMode}
          value={input[name]}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          data-testid={testId}
          onChange={(e) => update(name, e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <form className="connect-form" onSubmit={(event) => void submit(event)} noValidate aria-busy={busy} data-testid="connect-form">
      {failure ? (
        <div className="notice notice-error" role="alert" data-testid="connect-error">
          <p>
            <strong>{failure.headline}</strong>
          </p>
          <p>{failure.detail}</p>
        </div>
      ) : null}
      {field('subdomain', t('onboarding.connect.subdomain'), 'connect-subdomain', { hint: t('onboarding.connect.subdomainHint'), spellCheck: false, inputMode: 'url' })}
      {field('clientId', t('onboarding.connect.clientId'), 'connect-client-id', { spellCheck: false })}
      {field('clientSecret', t('onboarding.connect.clientSecret'), 'connect-client-secret', { hint: t('onboarding.connect.secretHint'), type: 'password' })}
      <button type="submit" className="button button-primary" disabled={busy} data-testid="connect-submit">
        {busy ? t('onboarding.connect.testing') : t('onboarding.connect.submit')}
      </button>
    </form>
  );
}
