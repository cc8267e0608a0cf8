import type { QueueEntry } from '../../../../shared/contract/queue';

let counter = 0;

/** A queue entry shaped like the outbox returns it; tests override what they care about. */
export function queueEntry(overrides: Partial<QueueEntry> = {}): QueueEntry {
  counter += 1;
  const number = overrides.invoiceNumber ?? `R1-${String(counter).padStart(5, '0')}`;
  return {
    localId: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    invoiceNumber: number,
    state: 'pending',
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
    lastErrorCode: null,
    serverId: null,
    createdAt: `2026-11-22T10:${String(counter % 60).padStart(2, '0')}:00+07:00`,
    syncedAt: null,
    voidReason: null,
    voidedBy: null,
    total: 27_500,
    lineNames: ['Teh Botol', 'Roti Tawar'],
    approvals: [],
    payload: {
      Outlet: 'Jakarta Pusat',
      Number: number,
      Date: '2026-11-22',
      Tag: 'Offline',
      TaxType: 'No Tax',
      Register: 'Counter 1',
      Fulfillment: 'Sent',
      Customer: { Code: 'M-001', Name: 'Sari' },
      Variants: [
        { Code: 'TEA-01', Quantity: 3, Price: 5000 },
        { Code: 'BREAD-2', Quantity: 1, Price: 12500 },
      ],
      Payments: [{ Amount: 27500, Method: 'Cash' }],
    },
    edited: false,
    ...overrides,
  };
}
