/**
 * Child process for the checkout crash test: a cashier ringing up sales through main's checkout
 * service (real SQLite file `DB_FILE`, syncing to the simulator at `SIM_URL`) until it is killed.
 * It prints a line only after main answered, so the parent knows what main had acknowledged:
 *   RESTORED <draftId> <lineCount> <lastInvoice|->  (sale.current at start)
 *   RETRIED <draftId> <invoice>                       (completed the draft the parent asked about, `RETRY_DRAFT`)
 *   ADDED <draftId> <lineCount>
 *   COMPLETING <draftId>                              (printed before the call: its answer may be lost)
 *   DONE <draftId> <invoice>
 * With `DIE_AFTER=scan` or `complete` it SIGKILLs itself the first time that call returns, before
 * printing: main committed, and the answer never got out.
 */
import type { CatalogItem } from '../../../shared/contract/catalog';
import { CRASH_CATALOG } from './crashCatalog';
import { createCatalogCheckout } from '../../support/catalogCheckout';
import { crashChildOutbox } from '../../support/crashChildOutbox';

const dbFile = process.env['DB_FILE'];
const simUrl = process.env['SIM_URL'];
if (!dbFile || !simUrl) throw new Error('DB_FILE and SIM_URL are required');

const { opened, outbox, logger } = crashChildOutbox(dbFile, simUrl);
const catalog = new Map<string, CatalogItem>(CRASH_CATALOG.map((item) => [item.code, item]));
const { handlers } = createCatalogCheckout({ db: opened.db, outbox, catalog, logger });
outbox.start();

let dieAfter = process.env['DIE_AFTER'] ?? '';
function maybeDie(call: string): void {
  if (dieAfter !== call) return;
  dieAfter = '';
  process.kill(process.pid, 'SIGKILL');
}

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function ringForever(): Promise<never> {
  const { sale, lastRecorded } = await handlers['sale.current']({});
  say(`RESTORED ${sale.draftId} ${sale.lines.length} ${lastRecorded?.invoiceNumber ?? '-'}`);
  const retry = process.env['RETRY_DRAFT'];
  if (retry) {
    // The parent never saw this draft's completion answer: completing it again must give the one sale.
    const { recorded } = await handlers['sale.complete']({ draftId: retry });
    say(`RETRIED ${retry} ${recorded.invoiceNumber}`);
  }
  let draftId = (await handlers['sale.current']({})).sale.draftId;
  for (;;) {
    const lines = 1 + Math.floor(Math.random() * CRASH_CATALOG.length);
    let view = (await handlers['sale.current']({})).sale;
    while (view.lines.length < lines) {
      const item = CRASH_CATALOG[Math.floor(Math.random() * CRASH_CATALOG.length)];
      if (!item) break;
      const outcome = await handlers['sale.scan']({ draftId, code: item.code });
      view = outcome.sale;
      maybeDie('scan');
      say(`ADDED ${draftId} ${view.lines.length}`);
    }
    // A draft restored after a kill may already be paid.
    if (view.totals.due > 0) await handlers['sale.addPayment']({ draftId, method: 'Cash', amount: view.totals.due });
    say(`COMPLETING ${draftId}`);
    const { recorded, next } = await handlers['sale.complete']({ draftId });
    maybeDie('complete');
    say(`DONE ${draftId} ${recorded.invoiceNumber}`);
    draftId = next.draftId;
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 10));
  }
}

void ringForever();
