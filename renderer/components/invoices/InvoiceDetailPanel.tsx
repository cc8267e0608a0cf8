import { useState } from 'react';
import { FULFILLMENTS, type InvoiceDetailView, type InvoiceEdit } from '../../../shared/contract/invoices';
import type { Translate } from '../../i18n/t';
import { Field } from '../forms/Field';
import { checkEdit, editDraftFrom, type EditDraft, type EditErrors, type EditField } from './invoiceEditDraft';

export interface InvoiceDetailPanelProps {
  readonly detail: InvoiceDetailView;
  readonly decimals: number;
  readonly taxTypes: readonly string[];
  readonly outlets: readonly string[];
  readonly t: Translate;
  readonly formatTotal: (amount: number) => string;
  /** Sends the checked edit; answers an error message, or null when DealPOS took it. */
  readonly onSave: (edit: InvoiceEdit) => Promise<string | null>;
  readonly onDelete: () => void;
}

type TextField = Exclude<EditField, 'fulfillment' | 'taxType' | 'fulfillmentOutlet'>;

/** One invoice: its lines and payments, the correction form (checked before sending) and the way to the bin. */
export function InvoiceDetailPanel({ detail, decimals, taxTypes, outlets, t, formatTotal, onSave, onDelete }: InvoiceDetailPanelProps): React.JSX.Element {
  const [draft, setDraft] = useState<EditDraft>(() => editDraftFrom(detail.edit, decimals));
  const [errors, setErrors] = useState<EditErrors>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const set = (field: EditField, value: string): void => setDraft((d) => ({ ...d, [field]: value }));
  const taxChoices = taxTypes.includes(detail.edit.taxType) || detail.edit.taxType === '' ? taxTypes : [detail.edit.taxType, ...taxTypes];

  const save = async (): Promise<void> => {
    const check = checkEdit(draft, decimals);
    if (!check.ok) {
      setErrors(check.errors);
      setFailure(t('invoices.edit.fix'));
      return;
    }
    setErrors({});
    setFailure(null);
    setSaving(true);
    const problem = await onSave(check.edit);
    setSaving(false);
    setFailure(problem);
  };

  const textField = (field: TextField, label: string, options: { type?: string; hint?: string; disabled?: boolean } = {}): React.JSX.Element => {
    const error = errors[field];
    return (
      <Field label={label} hint={options.hint} error={error ? t(error) : null}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            className="input"
            type={options.type ?? 'text'}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            data-testid={`edit-${field}`}
            data-wedge="off"
            disabled={options.disabled}
            value={draft[field]}
            onChange={(e) => set(field, e.target.value)}
          />
        )}
      </Field>
    );
  };

  return (
    <div className="invoice-detail" data-testid="invoice-detail">
      <p data-testid="invoice-detail-totals">{t('invoices.detail.totals', { gross: formatTotal(detail.gross), tax: formatTotal(detail.tax), total: formatTotal(detail.total) })}</p>
      <h3>{t('invoices.detail.lines')}</h3>
      <table data-testid="invoice-lines">
        <thead>
          <tr>
            <th scope="col">{t('invoices.detail.code')}</th>
            <th scope="col">{t('invoices.detail.item')}</th>
            <th scope="col" className="num">
              {t('invoices.detail.qty')}
            </th>
            <th scope="col" className="num">
              {t('invoices.detail.price')}
            </th>
            <th scope="col" className="num">
              {t('invoices.detail.discount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {detail.lines.map((line, index) => (
            <tr key={`${line.code}-${index}`}>
              <td>{line.code}</td>
              <td>{line.name ?? ''}</td>
              <td className="num">{line.quantity}</td>
              <td className="num">{formatTotal(line.price)}</td>
              <td className="num">{line.discountPercent}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('invoices.detail.payments')}</h3>
      {detail.payments.length === 0 ? (
        <p className="muted">{t('invoices.detail.noPayments')}</p>
      ) : (
        <table data-testid="invoice-payments">
          <thead>
            <tr>
              <th scope="col">{t('invoices.detail.method')}</th>
              <th scope="col" className="num">
                {t('invoices.detail.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {detail.payments.map((payment, index) => (
              <tr key={`${payment.method}-${index}`}>
                <td>{payment.method}</td>
                <td className="num">{formatTotal(payment.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="invoice-edit"
        aria-labelledby="invoice-edit-title"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <h3 id="invoice-edit-title">{t('invoices.edit.title')}</h3>
        <p className="field-hint">{t('invoices.edit.hint')}</p>
        <div className="form-grid">
          {textField('date', t('invoices.edit.date'), { type: 'date' })}
          {textField('dueDate', t('invoices.edit.dueDate'), { type: 'date' })}
          {textField('tag', t('invoices.edit.tag'))}
          <Field label={t('invoices.edit.taxType')} error={errors.taxType ? t(errors.taxType) : null}>
            {({ id }) => (
              <select id={id} className="select" data-testid="edit-taxType" value={draft.taxType} onChange={(e) => set('taxType', e.target.value)}>
                {taxChoices.map((tax) => (
                  <option key={tax} value={tax}>
                    {tax}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {textField('salesPerson', t('invoices.edit.salesPerson'))}
          {textField('register', t('invoices.edit.register'))}
          {textField('discount1', t('invoices.edit.discount1'))}
          {textField('discount2', t('invoices.edit.discount2'))}
          {textField(
            'discountAmount',
            t('invoices.edit.discountAmount'),
            detail.pointUsed > 0 ? { disabled: true, hint: t('invoices.edit.discountByPoints', { points: detail.pointUsed }) } : {},
          )}
          {textField('surcharge', t('invoices.edit.surcharge'))}
          <Field label={t('invoices.edit.fulfillment')}>
            {({ id }) => (
              <select id={id} className="select" data-testid="edit-fulfillment" value={draft.fulfillment} onChange={(e) => set('fulfillment', e.target.value)}>
                {FULFILLMENTS.map((state) => (
                  <option key={state} value={state}>
                    {t(`invoices.fulfillment.${state}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('invoices.edit.fulfillmentOutlet')}>
            {({ id }) => (
              <select
                id={id}
                className="select"
                data-testid="edit-fulfillmentOutlet"
                value={draft.fulfillmentOutlet}
                onChange={(e) => set('fulfillmentOutlet', e.target.value)}
              >
                <option value="">{t('invoices.edit.sameOutlet')}</option>
                {outlets
                  .filter((outlet) => outlet !== detail.outlet)
                  .map((outlet) => (
                    <option key={outlet} value={outlet}>
                      {outlet}
                    </option>
                  ))}
              </select>
            )}
          </Field>
          {textField('logisticServiceCode', t('invoices.edit.logistic'))}
          {textField('referenceNumber', t('invoices.edit.reference'))}
          {textField('note', t('invoices.edit.note'))}
          {textField('customerName', t('invoices.edit.customerName'))}
          {textField('customerEmail', t('invoices.edit.customerEmail'))}
          {textField('customerMobile', t('invoices.edit.customerMobile'))}
        </div>
        {failure ? (
          <p className="notice notice-error" role="alert" data-testid="invoice-edit-error">
            {failure}
          </p>
        ) : null}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={saving} data-testid="invoice-save">
            {saving ? t('invoices.edit.saving') : t('invoices.edit.save')}
          </button>
          <button type="button" className="button button-danger-outline" data-testid="invoice-delete" onClick={onDelete}>
            {t('invoices.delete.button')}
          </button>
        </div>
      </form>
    </div>
  );
}
