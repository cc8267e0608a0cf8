/**
 * The invoice correction form: text fields as typed, checked field by field before anything is
 * sent, then turned into the contract's `InvoiceEdit` (money in minor units).
 */
import { invoiceEditSchema, type InvoiceEdit } from '../../../shared/contract/invoices';
import { parseMoneyInput, toMajor } from '../../../shared/money';
import type { MessageKey } from '../../i18n/t';

export type EditDraft = { readonly [K in keyof InvoiceEdit]: string };
export type EditField = keyof InvoiceEdit;
export type EditErrors = Partial<Record<EditField, MessageKey>>;

export type EditCheck = { readonly ok: true; readonly edit: InvoiceEdit } | { readonly ok: false; readonly errors: EditErrors };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Money shown for editing without grouping, so it parses back exactly. */
function moneyText(amount: number, decimals: number): string {
  return toMajor(amount, decimals).toFixed(decimals);
}

export function editDraftFrom(edit: InvoiceEdit, decimals: number): EditDraft {
  return {
    ...edit,
    dueDate: edit.dueDate ?? '',
    discount1: String(edit.discount1),
    discount2: String(edit.discount2),
    discountAmount: moneyText(edit.discountAmount, decimals),
    surcharge: moneyText(edit.surcharge, decimals),
  };
}

function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function percent(value: string): number | null {
  return /^\d{1,3}$/.test(value.trim()) && Number(value) <= 100 ? Number(value) : null;
}

export function checkEdit(draft: EditDraft, decimals: number): EditCheck {
  const errors: EditErrors = {};
  if (!isRealDate(draft.date.trim())) errors.date = 'invoices.invalid.date';
  const due = draft.dueDate.trim();
  if (due !== '' && !isRealDate(due)) errors.dueDate = 'invoices.invalid.date';
  else if (due !== '' && !errors.date && due < draft.date.trim()) errors.dueDate = 'invoices.invalid.dueBeforeDate';
  if (draft.tag.trim() === '') errors.tag = 'invoices.invalid.required';
  if (draft.taxType.trim() === '') errors.taxType = 'invoices.invalid.required';
  const discount1 = percent(draft.discount1);
  const discount2 = percent(draft.discount2);
  if (discount1 === null) errors.discount1 = 'invoices.invalid.percent';
  if (discount2 === null) errors.discount2 = 'invoices.invalid.percent';
  const discountAmount = parseMoneyInput(draft.discountAmount === '' ? '0' : draft.discountAmount, decimals);
  const surcharge = parseMoneyInput(draft.surcharge === '' ? '0' : draft.surcharge, decimals);
  if (discountAmount === null) errors.discountAmount = 'invoices.invalid.amount';
  if (surcharge === null) errors.surcharge = 'invoices.invalid.amount';
  const email = draft.customerEmail.trim();
  if (email !== '' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) errors.customerEmail = 'invoices.invalid.email';
  const mobile = draft.customerMobile.trim();
  if (mobile !== '' && !/^\+?[0-9 -]{6,20}$/.test(mobile)) errors.customerMobile = 'invoices.invalid.mobile';
  if (Object.keys(errors).length > 0 || discount1 === null || discount2 === null || discountAmount === null || surcharge === null) {
    return { ok: false, errors };
  }
  const parsed = invoiceEditSchema.safeParse({
    ...draft,
    dueDate: due === '' ? null : due,
    discount1,
    discount2,
    discountAmount,
    surcharge,
    fulfillment: draft.fulfillment === 'Unsent' ? 'Unsent' : 'Sent',
  });
  if (!parsed.success) {
    // The shared rule (control characters, lengths) caught what the checks above do not word: name the field.
    const field = String(parsed.error.issues[0]?.path[0] ?? 'note') as EditField;
    return { ok: false, errors: { [field]: 'invoices.invalid.text' } };
  }
  return { ok: true, edit: parsed.data };
}
