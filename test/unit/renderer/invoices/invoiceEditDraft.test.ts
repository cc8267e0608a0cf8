import { describe, expect, it } from 'vitest';
import { checkEdit, editDraftFrom, type EditDraft } from '../../../../renderer/components/invoices/invoiceEditDraft';
import type { InvoiceEdit } from '../../../../shared/contract/invoices';

const EDIT: InvoiceEdit = {
  date: '2026-11-22',
  dueDate: null,
  salesPerson: '',
  tag: 'Offline',
  taxType: 'No Tax',
  register: '',
  discount1: 0,
  discount2: 0,
  discountAmount: 500,
  surcharge: 0,
  fulfillment: 'Sent',
  logisticServiceCode: '',
  note: '',
  referenceNumber: '',
  fulfillmentOutlet: '',
  customerName: '',
  customerEmail: '',
  customerMobile: '',
};

describe('the invoice correction form', () => {
  it('round-trips the stored values unchanged, money in minor units', () => {
    expect(checkEdit(editDraftFrom(EDIT, 0), 0)).toEqual({ ok: true, edit: EDIT });
    expect(checkEdit(editDraftFrom({ ...EDIT, surcharge: 150 }, 2), 2)).toEqual({ ok: true, edit: { ...EDIT, surcharge: 150 } });
  });

  it.each<[string, Partial<EditDraft>, Record<string, string>]>([
    ['a date that does not exist', { date: '2026-02-30' }, { date: 'invoices.invalid.date' }],
    ['a due date before the invoice date', { dueDate: '2026-11-01' }, { dueDate: 'invoices.invalid.dueBeforeDate' }],
    ['a missing channel and tax type', { tag: ' ', taxType: '' }, { tag: 'invoices.invalid.required', taxType: 'invoices.invalid.required' }],
    ['a discount above 100 % and a fraction', { discount1: '101', discount2: '2.5' }, { discount1: 'invoices.invalid.percent', discount2: 'invoices.invalid.percent' }],
    ['a negative surcharge and a word as an amount', { surcharge: '-5', discountAmount: 'lots' }, { surcharge: 'invoices.invalid.amount', discountAmount: 'invoices.invalid.amount' }],
    ['an email without a domain and letters in a mobile', { customerEmail: 'ani@', customerMobile: '0811abc' }, { customerEmail: 'invoices.invalid.email', customerMobile: 'invoices.invalid.mobile' }],
    ['a control character in the note', { note: 'one\u0007two' }, { note: 'invoices.invalid.text' }],
  ])('refuses %s, naming each field', (_, change, errors) => {
    expect(checkEdit({ ...editDraftFrom(EDIT, 0), ...change }, 0)).toEqual({ ok: false, errors });
  });

  it('reads an emptied money field as zero and an emptied due date as none', () => {
    expect(checkEdit({ ...editDraftFrom(EDIT, 0), discountAmount: '', dueDate: '' }, 0)).toEqual({ ok: true, edit: { ...EDIT, discountAmount: 0 } });
  });
});
