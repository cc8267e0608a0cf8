/**
 * Child process for the shift crash test: one register on the SQLite file `DB_FILE` against the
 * simulator at `SIM_URL`. On its first start it opens a shift, records five sales into it and
 * closes it, then prints `Z <json>` (the Z report, committed) and keeps syncing until it is killed.
 * On later starts it only syncs what is queued.
 */
import { startShiftCounter, taxedSale } from './shiftCounter';

const dbFile = process.env['DB_FILE'];
const simUrl = process.env['SIM_URL'];
if (!dbFile || !simUrl) throw new Error('DB_FILE and SIM_URL are required');

const counter = startShiftCounter({ dbFile, simUrl });
process.stdout.write('READY\n');

async function firstShift(): Promise<void> {
  if (counter.outbox.shifts.recent(1).length > 0) return;
  const h = counter.shifts.handlers;
  const shift = await h['shift.open']({ cashier: 'Budi', openingFloat: 150_000 });
  for (let i = 0; i < 5; i++) counter.sell(taxedSale(i, i === 2 ? 'card' : 'cash'));
  const z = await h['shift.close']({ shiftId: shift.id, closedBy: 'Budi', count: { kind: 'total', amount: 1_000_000 } });
  process.stdout.write(`Z ${JSON.stringify({ ...z, sync: null })}\n`);
}

// The outbox's timers do not hold the process open; this does, until the parent's SIGKILL.
setInterval(() => undefined, 60_000);
void firstShift();
