import { describe, expect, it } from 'vitest';
import { applyInvoicePatch, invoicePatchSchema, InvoicePatchError } from '../../../shared/invoice/invoicePatch';
import type { InvoicePayload } from '../../../shared/invoice/invoicePayload';

const payload: InvoicePayload = {
  Outlet: 'Outlet1',
  Number: 'POS-7KQ2M-261122-0001',
  Date: '2026-11-22',
  Tag: 'Offline',
  TaxType: 'PPN',
  Register: 'Kasir 1',
  Fulfillment: 'Sent',
  Customer: { Code: 'NOPE', Name: 'Unknown' },
  Variants: [
    { Code: 'BAD1', Quantity: 1, Price: 100 },
    { Code: 'OK2', Quantity: 2, Price: 50 },
  ],
  Payments: [
    { Amount: 150, Method: 'Cash' },
    { Amount: 50, Method: 'Kartu Debit', Note: 'approval 1234' },
  ],
};

describe('applyInvoicePatch', () => {
  it('replaces a variant code and fixes outlet and tax type; the number never changes', () => {
    const patch = invoicePatchSchema.parse({ outlet: 'Outlet2', taxType: 'No Tax', variants: [{ action: 'replace', index: 0, code: 'GOOD1' }] });
    const next = applyInvoicePatch(payload, patch);
    expect(next.Outlet).toBe('Outlet2');
    expect(next.TaxType).toBe('No Tax');
    expect(next.Variants.map((v) => v.Code)).toEqual(['GOOD1', 'OK2']);
    expect(next.Number).toBe(payload.Number);
  });

  it('removes a line, the register and the customer', () => {
    const next = applyInvoicePatch(payload, invoicePatchSchema.parse({ register: null, removeCustomer: true, variants: [{ action: 'remove', index: 0 }] }));
    expect(next.Variants).toEqual([{ Code: 'OK2', Quantity: 2, Price: 50 }]);
    expect(next.Register).toBeUndefined();
    expect(next.Customer).toBeUndefined();
  });

  it('refuses fixes that do not fit the invoice', () => {
    expect(() => applyInvoicePatch(payload, invoicePatchSchema.parse({ variants: [{ action: 'remove', index: 5 }] }))).toThrow(InvoicePatchError);
    expect(() =>
      applyInvoicePatch(
        payload,
        invoicePatchSchema.parse({ variants: [{ action: 'remove', index: 0 }, { action: 'replace', index: 0, code: 'X' }] }),
      ),
    ).toThrow(/changed twice/);
    expect(() =>
      applyInvoicePatch(payload, invoicePatchSchema.parse({ variants: [{ action: 'remove', index: 0 }, { action: 'remove', index: 1 }] })),
    ).toThrow(/void it instead/);
  });

  it('renames a payment method and keeps every amount as sold', () => {
    const next = applyInvoicePatch(payload, invoicePatchSchema.parse({ payments: [{ index: 1, method: ' Debit Card ' }] }));
    expect(next.Payments).toEqual([
      { Amount: 150, Method: 'Cash' },
      { Amount: 50, Method: 'Debit Card', Note: 'approval 1234' },
    ]);
    expect(next.Payments.map((p) => p.Amount)).toEqual(payload.Payments.map((p) => p.Amount));
    expect(next.Variants).toEqual(payload.Variants);
    expect(payload.Payments[1]?.Method).toBe('Kartu Debit');
  });

  it('refuses payment fixes that do not fit the invoice, naming the path', () => {
    const pathOf = (raw: unknown): string | null => {
      try {
        applyInvoicePatch(payload, invoicePatchSchema.parse(raw));
        return null;
      } catch (error) {
        if (error instanceof InvoicePatchError) return `${error.path}: ${error.message}`;
        throw error;
      }
    };
    expect(pathOf({ payments: [{ index: 2, method: 'QRIS' }] })).toBe('payments.0.index: The invoice has no payment 3');
    expect(
      pathOf({
        payments: [
          { index: 0, method: 'QRIS' },
          { index: 0, method: 'Cash' },
        ],
      }),
    ).toBe('payments.1.index: Payment 1 is changed twice');
  });

  it('validates payment fixes like the other names, and an empty list changes nothing', () => {
    expect(invoicePatchSchema.safeParse({ payments: [{ index: 0, method: '  ' }] }).success).toBe(false);
    expect(invoicePatchSchema.safeParse({ payments: [{ index: -1, method: 'Cash' }] }).success).toBe(false);
    expect(invoicePatchSchema.safeParse({ payments: [{ index: 0, method: 'Cash', Amount: 1 }] }).success).toBe(false);
    expect(invoicePatchSchema.safeParse({ payments: [{ index: 0, method: 'x'.repeat(101) }] }).success).toBe(false);
    const empty = invoicePatchSchema.safeParse({ payments: [] });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0]?.message).toBe('The patch changes nothing');
  });

  it('rejects an empty patch and unknown fields at the schema', () => {
    expect(invoicePatchSchema.safeParse({}).success).toBe(false);
    expect(invoicePatchSchema.safeParse({ Number: 'X' }).success).toBe(false);
    expect(invoicePatchSchema.safeParse({ outlet: '  ' }).success).toBe(false);
  });
});
