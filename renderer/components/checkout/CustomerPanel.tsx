import { useEffect, useRef, useState } from 'react';
import type { SaleCustomer } from '../../../shared/sale/sale';
import type { MessageKey, Translate } from '../../i18n/t';
import { Kbd } from '../shell/Kbd';
import { ChoiceGroup } from './ChoiceGroup';

export type CustomerLookupBy = 'code' | 'mobile' | 'email';

export type LookupOutcome =
  /** `seenAt` is set when DealPOS was unreachable and main answered from its cache (details as of then). */
  | { readonly kind: 'found'; readonly customer: SaleCustomer; readonly seenAt: string | null }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'error'; readonly message: string };

/** `proof`: main's single-use token that this customer's PIN was checked, handed back to main with the sale. */
export type PinOutcome = { readonly kind: 'ok'; readonly proof: string } | { readonly kind: 'wrong' } | { readonly kind: 'error'; readonly message: string };

export interface CustomerPanelProps {
  readonly attached: SaleCustomer | null;
  /** When the attached details came from the offline cache: as of this time, and no PIN check. */
  readonly attachedSeenAt: string | null;
  readonly pinVerified: boolean;
  readonly pointsRedeemed: number;
  /** Most points this sale can take once the PIN is verified. */
  readonly maxPoints: number;
  readonly t: Translate;
  /** Date and time in the UI language, for "details as last seen on …". */
  readonly formatTime: (iso: string) => string;
  readonly onLookup: (by: CustomerLookupBy, value: string) => Promise<LookupOutcome>;
  /** Asks main to put the customer on the sale; resolves with why it was refused, or null. */
  readonly onAttach: (customer: SaleCustomer, seenAt: string | null) => Promise<string | null>;
  readonly onDetach: () => void;
  /** Main checks the PIN with DealPOS; the PIN itself never comes back to the renderer. */
  readonly onVerifyPin: (customer: SaleCustomer, pin: string) => Promise<PinOutcome>;
  /** Asks main to redeem; resolves with why it was refused, or null. */
  readonly onRedeem: (points: number) => Promise<string | null>;
  /** A member card scanned while this panel is open; each new `sequence` looks the code up. */
  readonly scannedCard?: { readonly code: string; readonly sequence: number } | null;
}

const BY_LABEL: Readonly<Record<CustomerLookupBy, MessageKey>> = {
  code: 'checkout.customer.by.code',
  mobile: 'checkout.customer.by.mobile',
  email: 'checkout.customer.by.email',
};

const BYS: readonly CustomerLookupBy[] = ['code', 'mobile', 'email'];

/** Guesses what the cashier typed so they rarely have to pick: an @ is an email, a phone-like number a mobile. */
export function guessLookupBy(value: string): CustomerLookupBy | null {
  const v = value.trim();
  if (v.includes('@')) return 'email';
  if (/^(\+62|62|0)8\d{6,12}$/.test(v.replace(/[\s-]/g, ''))) return 'mobile';
  return null;
}

/** Says the details are DealPOS's last known ones, from when, and that points must wait. */
function OfflineNotice({ seenAt, t, formatTime }: { readonly seenAt: string; readonly t: Translate; readonly formatTime: (iso: string) => string }): React.JSX.Element {
  return (
    <p className="notice notice-warning" role="status" data-testid="customer-offline-notice">
      {t('checkout.customer.offlineNotice', { time: formatTime(seenAt) })}
    </p>
  );
}

function CustomerCard({ customer, t }: { readonly customer: SaleCustomer; readonly t: Translate }): React.JSX.Element {
  return (
    <div className="customer-card" data-testid="customer-card">
      <p className="customer-name" data-testid="customer-name">
        {customer.name}
      </p>
      <dl className="customer-facts">
        <div>
          <dt>{t('checkout.customer.by.code')}</dt>
          <dd data-testid="customer-code">{customer.code}</dd>
        </div>
        <div>
          <dt>{t('checkout.customer.group')}</dt>
          <dd data-testid="customer-group">{customer.group ?? t('checkout.customer.noGroup')}</dd>
        </div>
        <div>
          <dt>{t('checkout.customer.points')}</dt>
          <dd data-testid="customer-points">{customer.loyaltyPoints}</dd>
        </div>
      </dl>
    </div>
  );
}

/**
 * Find a customer by member code, mobile number or email, attach them to the sale, and redeem
 * points — the points field appears only after DealPOS accepted the customer's PIN. Details main
 * answered from its offline cache carry a notice, and the PIN check stays off for them.
 */
export function CustomerPanel(props: CustomerPanelProps): React.JSX.Element {
  const { attached, attachedSeenAt, pinVerified, pointsRedeemed, maxPoints, t, formatTime, onLookup, onAttach, onDetach, onVerifyPin, onRedeem, scannedCard = null } =
    props;
  const [searching, setSearching] = useState(attached === null);
  const [by, setBy] = useState<CustomerLookupBy>('code');
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<{ readonly customer: SaleCustomer; readonly seenAt: string | null } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [pinMessage, setPinMessage] = useState<string | null>(null);
  const [pointsText, setPointsText] = useState(pointsRedeemed > 0 ? String(pointsRedeemed) : '');
  const [pointsMessage, setPointsMessage] = useState<string | null>(null);
  const attachRef = useRef<HTMLButtonElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);
  const pointsRef = useRef<HTMLInputElement>(null);
  // Tracks the newest request so a slow answer to an older one is ignored.
  const requestRef = useRef(0);

  useEffect(() => {
    if (found) attachRef.current?.focus();
  }, [found]);
  useEffect(() => {
    if (pinVerified) pointsRef.current?.focus();
  }, [pinVerified]);
  const [focusPin, setFocusPin] = useState(false);
  useEffect(() => {
    if (!focusPin || !pinRef.current) return;
    pinRef.current.focus();
    setFocusPin(false);
  }, [focusPin, attached]);

  const lookup = async (searchBy: CustomerLookupBy = by, text: string = value): Promise<void> => {
    const trimmed = text.trim();
    if (trimmed === '') return;
    const request = ++requestRef.current;
    setBusy(true);
    setMessage(null);
    setFound(null);
    const outcome = await onLookup(searchBy, trimmed);
    if (request !== requestRef.current) return;
    setBusy(false);
    if (outcome.kind === 'found') setFound({ customer: outcome.customer, seenAt: outcome.seenAt });
    else if (outcome.kind === 'not_found') setMessage(t('checkout.customer.notFound'));
    else setMessage(t('checkout.customer.failed', { message: outcome.message }));
  };

  // Scanning a member card is the quickest lookup: it fills the member code and searches at once.
  const lookupRef = useRef(lookup);
  useEffect(() => {
    lookupRef.current = lookup;
  });
  useEffect(() => {
    if (!scannedCard) return;
    setSearching(true);
    setBy('code');
    setValue(scannedCard.code);
    void lookupRef.current('code', scannedCard.code);
  }, [scannedCard]);

  const attach = async (customer: SaleCustomer, seenAt: string | null): Promise<void> => {
    const refused = await onAttach(customer, seenAt);
    if (refused !== null) {
      setMessage(t('checkout.customer.notApplied', { message: refused }));
      return;
    }
    setSearching(false);
    setFound(null);
    setPin('');
    setPinMessage(null);
    setPointsText('');
    // The next thing a cashier does with a member is usually redeeming points, so the PIN field is next
    // (focused once main's answer has rendered it).
    setFocusPin(true);
  };

  const checkPin = async (): Promise<void> => {
    // Cached details cannot unlock points: DealPOS must answer for the PIN and the points alike.
    if (!attached || pin === '' || attachedSeenAt !== null) return;
    const request = ++requestRef.current;
    setBusy(true);
    setPinMessage(t('checkout.customer.checkingPin'));
    const outcome = await onVerifyPin(attached, pin);
    if (request !== requestRef.current) return;
    setBusy(false);
    setPin('');
    if (outcome.kind === 'ok') setPinMessage(null);
    else if (outcome.kind === 'wrong') setPinMessage(t('checkout.customer.pinWrong'));
    else setPinMessage(t('checkout.customer.pinFailed', { message: outcome.message }));
  };

  const applyPoints = async (): Promise<void> => {
    const text = pointsText.trim();
    const points = text === '' ? 0 : /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isInteger(points) || points > maxPoints) {
      setPointsMessage(t('checkout.customer.pointsInvalid', { max: maxPoints }));
      return;
    }
    const refused = await onRedeem(points);
    setPointsMessage(refused === null ? null : t('checkout.customer.notApplied', { message: refused }));
  };

  if (searching || !attached) {
    return (
      <div className="customer-panel" data-testid="customer-panel">
        <form
          className="customer-lookup"
          onSubmit={(event) => {
            event.preventDefault();
            void lookup();
          }}
        >
          <ChoiceGroup
            legend={t('checkout.customer.by')}
            name="customer-by"
            options={BYS}
            value={by}
            label={(option) => t(BY_LABEL[option])}
            onChange={setBy}
          />
          <label className="field">
            <span className="field-label">{t(BY_LABEL[by])}</span>
            <input
              className="input input-large"
              autoComplete="off"
              data-autofocus
              data-testid="customer-value"
              value={value}
              onChange={(event) => {
                setValue(event.target.value);
                const guess = guessLookupBy(event.target.value);
                if (guess) setBy(guess);
              }}
            />
          </label>
          <button type="submit" className="button button-primary" disabled={busy || value.trim() === ''} data-testid="customer-lookup">
            {busy ? t('checkout.customer.searching') : t('checkout.customer.lookup')} <Kbd keys="Enter" />
          </button>
        </form>
        {message ? (
          <p className="notice notice-error" role="alert" data-testid="customer-message">
            {message}
          </p>
        ) : null}
        {found ? (
          <div className="customer-result">
            <CustomerCard customer={found.customer} t={t} />
            {found.seenAt !== null ? <OfflineNotice seenAt={found.seenAt} t={t} formatTime={formatTime} /> : null}
            <button
              ref={attachRef}
              type="button"
              className="button button-primary"
              data-testid="customer-attach"
              onClick={() => void attach(found.customer, found.seenAt)}
            >
              {t('checkout.customer.attach')} <Kbd keys="Enter" />
            </button>
          </div>
        ) : null}
      </div>
    );
  }

  return (
    <div className="customer-panel" data-testid="customer-panel">
      <CustomerCard customer={attached} t={t} />
      {attachedSeenAt !== null ? <OfflineNotice seenAt={attachedSeenAt} t={t} formatTime={formatTime} /> : null}
      <div className="button-row">
        <button
          type="button"
          className="button"
          data-testid="customer-change"
          onClick={() => {
            setSearching(true);
            setValue('');
          }}
        >
          {t('checkout.customer.find')}
        </button>
        <button type="button" className="button button-danger" data-testid="customer-detach" onClick={onDetach}>
          {t('checkout.customer.detach')}
        </button>
      </div>
      {attached.loyaltyPoints > 0 ? (
        <section className="customer-redeem" aria-label={t('checkout.customer.redeem')}>
          <h3>{t('checkout.customer.redeem')}</h3>
          {pinVerified ? (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                void applyPoints();
              }}
            >
              <p className="notice notice-success" data-testid="customer-pin-ok">
                {t('checkout.customer.pinOk')}
              </p>
              <label className="field">
                <span className="field-label">{t('checkout.customer.pointsToRedeem', { max: maxPoints })}</span>
                <input
                  ref={pointsRef}
                  className="input input-large"
                  inputMode="numeric"
                  autoComplete="off"
                  data-testid="customer-points-input"
                  value={pointsText}
                  aria-invalid={pointsMessage ? true : undefined}
                  onChange={(event) => setPointsText(event.target.value)}
                />
              </label>
              {pointsMessage ? (
                <p className="field-error" role="alert" data-testid="customer-points-message">
                  {pointsMessage}
                </p>
              ) : null}
              {pointsRedeemed > 0 ? (
                <p data-testid="customer-points-applied">{t('checkout.customer.pointsApplied', { points: pointsRedeemed })}</p>
              ) : null}
              <button type="submit" className="button button-primary" data-testid="customer-apply-points">
                {t('checkout.customer.applyPoints')} <Kbd keys="Enter" />
              </button>
            </form>
          ) : (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                void checkPin();
              }}
            >
              <label className="field">
                <span className="field-label">{t('checkout.customer.pin')}</span>
                <input
                  ref={pinRef}
                  className="input input-large"
                  type="password"
                  inputMode="numeric"
                  autoComplete="off"
                  data-testid="customer-pin"
                  disabled={attachedSeenAt !== null}
                  value={pin}
                  onChange={(event) => setPin(event.target.value)}
                />
              </label>
              {pinMessage ? (
                <p className="field-error" role="alert" data-testid="customer-pin-message">
                  {pinMessage}
                </p>
              ) : null}
              <button
                type="submit"
                className="button button-primary"
                disabled={busy || pin === '' || attachedSeenAt !== null}
                data-testid="customer-check-pin"
              >
                {t('checkout.customer.checkPin')} <Kbd keys="Enter" />
              </button>
            </form>
          )}
        </section>
      ) : null}
    </div>
  );
}
