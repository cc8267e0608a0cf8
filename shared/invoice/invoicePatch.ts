/**
 * A manager's fix to a rejected invoice: the fields DealPOS typically refuses (an unknown or
 * discontinued variant code, a closed outlet, an unknown tax type, tag or register, an unknown
 * customer, a payment method the store renamed or disabled while the sale waited offline). The
 * invoice number and every amount never change: a rejected invoice was not created, and the money
 * stays exactly as sold.
 */
import { z } from 'zod';
import { text } from '../text/text';
import type { InvoicePayload } from './invoicePayload';

const name = text({ max: 100 });

export const variantFixSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('replace'), index: z.number().int().min(0), code: text({ max: 64 }) }),
  z.object({ action: z.literal('remove'), index: z.number().int().min(0) }),
]);
export type VariantFix = z.infer<typeof variantFixSchema>;

/** Renames the method of Payments[index]; its amount stays as sold. */
export const paymentFixSchema = z.object({ index: z.number().int().min(0), method: name }).strict();
export type PaymentFix = z.infer<typeof paymentFixSchema>;

export const invoicePatchSchema = z
  .object({
    outlet: name.optional(),
    taxType: name.optional(),
    tag: name.optional(),
    /** null removes the Register field. */
    register: name.nullable().optional(),
    /** true sends the invoice without its customer (e.g. the member code is unknown to DealPOS). */
    removeCustomer: z.literal(true).optional(),
    /** Indexes refer to the invoice's Variants as they were before this patch. */
    variants: z.array(variantFixSchema).max(500).optional(),
    /** Indexes refer to the invoice's Payments. */
    payments: z.array(paymentFixSchema).max(50).optional(),
  })
  .strict()
  // An empty list of fixes changes nothing either.
  .refine((p) => Object.values(p).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0)), { message: 'The patch changes nothing' });
export type InvoicePatch = z.infer<typeof invoicePatchSchema>;

export class InvoicePatchError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'InvoicePatchError';
  }
}

export function applyInvoicePatch(payload: InvoicePayload, patch: InvoicePatch): InvoicePayload {
  const fixes = new Map<number, VariantFix>();
  for (const [i, fix] of (patch.variants ?? []).entries()) {
    if (fix.index >= payload.Variants.length) {
      throw new InvoicePatchError(`The invoice has no line ${fix.index + 1}`, `variants.${i}.index`);
    }
    if (fixes.has(fix.index)) throw new InvoicePatchError(`Line ${fix.index + 1} is changed twice`, `variants.${i}.index`);
    fixes.set(fix.index, fix);
  }
  const variants = payload.Variants.flatMap((variant, index) => {
    const fix = fixes.get(index);
    if (!fix) return [variant];
    return fix.action === 'remove' ? [] : [{ ...variant, Code: fix.code }];
  });
  if (variants.length === 0) throw new InvoicePatchError('An invoice needs at least one line; void it instead', 'variants');

  const methods = new Map<number, string>();
  for (const [i, fix] of (patch.payments ?? []).entries()) {
    if (fix.index >= payload.Payments.length) {
      throw new InvoicePatchError(`The invoice has no payment ${fix.index + 1}`, `payments.${i}.index`);
    }
    if (methods.has(fix.index)) throw new InvoicePatchError(`Payment ${fix.index + 1} is changed twice`, `payments.${i}.index`);
    methods.set(fix.index, fix.method);
  }
  const payments = payload.Payments.map((payment, index) => {
    const method = methods.get(index);
    return method === undefined ? payment : { ...payment, Method: method };
  });

  const { Register: _register, Customer: _customer, ...rest } = payload;
  const register = patch.register === undefined ? payload.Register : (patch.register ?? undefined);
  const customer = patch.removeCustomer ? undefined : payload.Customer;
  return {
    ...rest,
    ...(patch.outlet ? { Outlet: patch.outlet } : {}),
    ...(patch.taxType ? { TaxType: patch.taxType } : {}),
    ...(patch.tag ? { Tag: patch.tag } : {}),
    ...(register ? { Register: register } : {}),
    ...(customer ? { Customer: customer } : {}),
    Variants: variants,
    Payments: payments,
  };
}
