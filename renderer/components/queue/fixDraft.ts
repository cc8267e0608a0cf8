/** The fix form for a rejected invoice: draft from its payload, and the smallest patch that applies it. */
import type { InvoicePatch, PaymentFix, VariantFix } from '../../../shared/invoice/invoicePatch';
import type { InvoicePayload } from '../../../shared/invoice/invoicePayload';
import type { MessageKey } from '../../i18n/t';

export interface FixDraft {
  readonly outlet: string;
  readonly taxType: string;
  readonly tag: string;
  readonly register: string;
  readonly removeCustomer: boolean;
  readonly lines: ReadonlyArray<{ readonly code: string; readonly remove: boolean }>;
  /** One method name per payment of the invoice, in order. */
  readonly payments: readonly string[];
}

export function fixDraftFrom(payload: InvoicePayload): FixDraft {
  return {
    outlet: payload.Outlet,
    taxType: payload.TaxType,
    tag: payload.Tag,
    register: payload.Register ?? '',
    removeCustomer: false,
    lines: payload.Variants.map((v) => ({ code: v.Code, remove: false })),
    payments: payload.Payments.map((p) => p.Method),
  };
}

export type FixErrors = Partial<Record<'outlet' | 'taxType' | 'tag' | `line${number}` | `payment${number}`, MessageKey>>;

export type FixCheck =
  | { readonly ok: true; readonly patch: InvoicePatch }
  | { readonly ok: false; readonly errors: FixErrors; readonly nothing?: true };

export function checkFix(payload: InvoicePayload, draft: FixDraft): FixCheck {
  const errors: FixErrors = {};
  for (const field of ['outlet', 'taxType', 'tag'] as const) {
    if (draft[field].trim() === '') errors[field] = 'queue.edit.required';
  }
  draft.lines.forEach((line, index) => {
    if (!line.remove && line.code.trim() === '') errors[`line${index}`] = 'queue.edit.required';
  });
  draft.payments.forEach((method, index) => {
    if (method.trim() === '') errors[`payment${index}`] = 'queue.edit.required';
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const variants: VariantFix[] = [];
  draft.lines.forEach((line, index) => {
    const original = payload.Variants[index];
    if (line.remove) variants.push({ action: 'remove', index });
    else if (original && line.code.trim() !== original.Code) variants.push({ action: 'replace', index, code: line.code.trim() });
  });
  const payments: PaymentFix[] = [];
  draft.payments.forEach((method, index) => {
    const original = payload.Payments[index];
    if (original && method.trim() !== original.Method) payments.push({ index, method: method.trim() });
  });
  const register = draft.register.trim();
  const patch: InvoicePatch = {
    ...(draft.outlet.trim() !== payload.Outlet ? { outlet: draft.outlet.trim() } : {}),
    ...(draft.taxType.trim() !== payload.TaxType ? { taxType: draft.taxType.trim() } : {}),
    ...(draft.tag.trim() !== payload.Tag ? { tag: draft.tag.trim() } : {}),
    ...(register !== (payload.Register ?? '') ? { register: register === '' ? null : register } : {}),
    ...(draft.removeCustomer ? { removeCustomer: true as const } : {}),
    ...(variants.length > 0 ? { variants } : {}),
    ...(payments.length > 0 ? { payments } : {}),
  };
  if (Object.keys(patch).length === 0) return { ok: false, errors: {}, nothing: true };
  return { ok: true, patch };
}
