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
      <Field label={t('onboarding.connect.subdomain')} hint={t('onboarding.connect.subdomainHint')} error={fieldErrors.subdomain ? t(fieldErrors.subdomain) : null}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            className="input"
            autoComplete="off"
            spellCheck={false}
            inputMode="url"
            value={input.subdomain}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            data-testid="connect-subdomain"
            onChange={(e) => update('subdomain', e.target.value)}
          />
        )}
      </Field>
      <Field label={t('onboarding.connect.clientId')} error={fieldErrors.clientId ? t(fieldErrors.clientId) : null}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            className="input"
            autoComplete="off"
            spellCheck={false}
            value={input.clientId}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            data-testid="connect-client-id"
            onChange={(e) => update('clientId', e.target.value)}
          />
        )}
      </Field>
      <Field
        label={t('onboarding.connect.clientSecret')}
        hint={t('onboarding.connect.secretHint')}
        error={fieldErrors.clientSecret ? t(fieldErrors.clientSecret) : null}
      >
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            className="input"
            type="password"
            autoComplete="off"
            value={input.clientSecret}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            data-testid="connect-client-secret"
            onChange={(e) => update('clientSecret', e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="button button-primary" disabled={busy} data-testid="connect-submit">
        {busy ? t('onboarding.connect.testing') : t('onboarding.connect.submit')}
      </button>
    </form>
  );
}
