/**
 * The page the backoffice bench loads in Chromium: the Invoices screen's table component, as the
 * app renders it, fed one page of 500 rows. `window.__renderPage(seed)` replaces the rows with a
 * fresh page (different keys, so React builds every drawn row) and resolves with the milliseconds
 * from the state change to the end of the frame that painted the rows in view, and how many rows
 * that frame drew (the table draws the rows in view and a margin; see InvoiceTable.tsx).
 */
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { InvoiceRowView } from '../../../shared/contract/invoices';
import { IDR, moneyFormat } from '../../../shared/money';
import { InvoiceTable } from '../../../renderer/components/invoices/InvoiceTable';
import { translate } from '../../../renderer/i18n/t';

const ROWS = 500;
const OUTLETS = ['Outlet1', 'Outlet2', 'Main Store', 'Pluit'];
const STATES = ['Paid', 'Partial', 'Unpaid'];

function pageOf(seed: number): InvoiceRowView[] {
  return Array.from({ length: ROWS }, (_, i) => ({
    id: `${seed}-${i}`,
    outlet: OUTLETS[i % OUTLETS.length] ?? 'Outlet1',
    number: `INV-${seed}-${String(i).padStart(5, '0')}`,
    customer: i % 3 === 0 ? null : `Customer ${i}`,
    date: `2026-11-${String((i % 28) + 1).padStart(2, '0')}`,
    amount: 10_000 + i * 1_500,
    paymentState: STATES[i % STATES.length] ?? 'Paid',
    fulfillment: i % 2 === 0 ? 'Sent' : 'Unsent',
    tag: i % 4 === 0 ? 'Shopee' : 'Offline',
    referenceNumber: null,
  }));
}

let show: (seed: number) => void = () => undefined;
const formatTotal = moneyFormat(IDR);
const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]): string => translate('id', key, params);

function Page(): React.JSX.Element {
  const [seed, setSeed] = useState(0);
  show = setSeed;
  return (
    <InvoiceTable rows={pageOf(seed)} t={t} formatTotal={formatTotal} onOpen={() => undefined} />
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(<Page />);

/** Painted = the rows are in the DOM, the next frame ran, and a task posted from it ran (after its paint). */
(window as unknown as { __renderPage: (seed: number) => Promise<{ ms: number; rows: number }> }).__renderPage = (seed) =>
  new Promise((resolve) => {
    const started = performance.now();
    const first = `INV-${seed}-00000`;
    const observer = new MutationObserver(() => {
      if (!document.querySelector(`[data-testid="invoice-row-${first}"]`)) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ ms: performance.now() - started, rows: document.querySelectorAll('[data-testid^="invoice-row-"]').length });
        channel.port2.postMessage(null);
      });
    });
    observer.observe(root, { childList: true, subtree: true });
    show(seed);
  });
