/**
 * The approval service on a real SQLite app-state table: who may set managers, wrong-PIN limits,
 * and approvals bound to one exact request, used once, within two minutes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPROVAL_TTL_MS } from '../../../main/approval/approvalLedger';
import { createApprovalService, type ApprovalService } from '../../../main/approval/approvalService';
import { LOCKOUT_MS } from '../../../main/approval/pinGuard';
import type { PinHashParams } from '../../../main/approval/pinHash';
import { createLogger } from '../../../main/logging/logger';
import { AppStateStore } from '../../../main/store/appStateStore';
import type { ApprovalRequest } from '../../../shared/contract/approval';
import { ServiceError } from '../../../shared/errors';
import { thrownBy } from '../../support/thrownBy';
import { tempDatabase } from '../outbox/fixtures';

/** Cheap scrypt so the many hashes here stay quick; the real cost is covered in pinHash.test.ts. */
const FAST: PinHashParams = { N: 2 ** 10, r: 8, p: 1, keyLength: 32 };
const T0 = Date.UTC(2026, 10, 22, 3, 0, 0);
const DRAFT = '7d3f0a52-1c1e-4d7a-9f49-1b1a1b1a1b1a';
const TWENTY_PERCENT: ApprovalRequest = { action: 'line_discount', draftId: DRAFT, lineId: 'L1', discount: { kind: 'percent', basisPoints: 2000 } };

let db: ReturnType<typeof tempDatabase>;
let state: AppStateStore;
let clock: number;
let logLines: string[];
let service: ApprovalService;

function build(over: { state?: AppStateStore; hashParams?: PinHashParams } = {}): ApprovalService {
  return createApprovalService({
    state: () => over.state ?? state,
    logger: createLogger((line) => logLines.push(line)),
    now: () => clock,
    hashParams: over.hashParams ?? FAST,
  });
}

/** The ServiceError a call rejects with; resolving fails the test. */
async function refusal(call: Promise<unknown>): Promise<ServiceError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused');
}

beforeEach(() => {
  db = tempDatabase('approval.db');
  state = new AppStateStore(db.opened.db);
  clock = T0;
  logLines = [];
  service = build();
});
afterEach(() => db.cleanup());

async function withManagers(): Promise<void> {
  await service.set('Budi', '4821', undefined);
  await service.set('Sari', '975310', '4821');
}

describe('managers', () => {
  it('lets the first manager in without an approver, then needs an existing manager’s PIN for every add or change', async () => {
    expect(service.list()).toEqual({ managers: [] });
    expect(await service.set('Budi', '4821', undefined)).toEqual({ managers: [{ name: 'Budi' }] });

    const noApprover = await refusal(service.set('Eko', '1111', undefined));
    expect(noApprover).toMatchObject({ code: 'forbidden', issues: [{ path: 'approverPin' }] });
    const wrongApprover = await refusal(service.set('Eko', '1111', '0000'));
    expect(wrongApprover).toMatchObject({ code: 'forbidden', issues: [{ path: 'approverPin', message: 'Wrong manager PIN' }] });
    expect(service.list().managers.map((m) => m.name)).toEqual(['Budi']);

    await service.set('Sari', '975310', '4821');
    // Changing a PIN (names match ignoring case) needs a manager's PIN too; the old one stops working.
    await service.set('budi', '5555', '975310');
    expect(service.list().managers.map((m) => m.name)).toEqual(['budi', 'Sari']);
    expect(await refusal(service.approve(TWENTY_PERCENT, '4821'))).toMatchObject({ code: 'forbidden' });
    expect((await service.approve(TWENTY_PERCENT, '5555')).approvedBy).toBe('budi');
  });

  it('refuses a PIN another manager already has, since the PIN is what says who approves', async () => {
    await withManagers();
    expect(await refusal(service.set('Eko', '975310', '4821'))).toMatchObject({ code: 'conflict', issues: [{ path: 'pin' }] });
  });

  it('removes a manager only with a manager’s PIN', async () => {
    await withManagers();
    expect(await refusal(service.remove('Sari', '0000'))).toMatchObject({ code: 'forbidden' });
    expect(await refusal(service.remove('Nobody', '4821'))).toMatchObject({ code: 'not_found' });
    expect(await service.remove('Sari', '4821')).toEqual({ managers: [{ name: 'Budi' }] });
    expect(await refusal(service.approve(TWENTY_PERCENT, '975310'))).toMatchObject({ code: 'forbidden' });
  });

  it('keeps only hashes in the database and never writes a PIN to the log', async () => {
    await withManagers();
    await refusal(service.approve(TWENTY_PERCENT, '8642'));
    await service.approve(TWENTY_PERCENT, '975310');
    const rows = db.opened.db.prepare('SELECT key, value FROM app_state').all() as { key: string; value: string }[];
    const stored = rows.map((r) => r.value).join('\n');
    expect(stored).toContain('scrypt');
    for (const pin of ['4821', '975310']) {
      expect(stored).not.toContain(`"${pin}"`);
      expect(logLines.join('\n')).not.toContain(pin);
    }
    expect(logLines.join('\n')).not.toContain('8642');
    expect(logLines.some((l) => l.includes('Sari approved line_discount'))).toBe(true);
  });

  it('re-hashes a PIN stored with older parameters the next time it is used', async () => {
    const weak = build({ hashParams: { N: 2 ** 4, r: 8, p: 1, keyLength: 32 } });
    await weak.set('Budi', '4821', undefined);
    await service.approve(TWENTY_PERCENT, '4821');
    const raw = db.opened.db.prepare("SELECT value FROM app_state WHERE key = 'managers'").get() as { value: string };
    expect(JSON.parse(raw.value)).toMatchObject([{ name: 'Budi', pin: { N: FAST.N } }]);
    expect((await service.approve(TWENTY_PERCENT, '4821')).approvedBy).toBe('Budi');
  });
});

describe('approving', () => {
  it('says to set a manager PIN first when there is none', async () => {
    expect(await refusal(service.approve(TWENTY_PERCENT, '4821'))).toMatchObject({
      code: 'not_configured',
      message: 'Set a manager PIN in Settings first',
    });
  });

  it('knows the manager by the PIN and says how many attempts are left after a wrong one', async () => {
    await withManagers();
    const issued = await service.approve(TWENTY_PERCENT, '975310');
    expect(issued).toMatchObject({ approvedBy: 'Sari' });
    expect(Date.parse(issued.expiresAt)).toBe(T0 + APPROVAL_TTL_MS);
    expect(issued.expiresAt).toMatch(/[+-]\d\d:\d\d$/);
    const wrong = await refusal(service.approve(TWENTY_PERCENT, '1234'));
    expect(wrong).toMatchObject({ code: 'forbidden', details: { attemptsLeft: 4 } });
    expect(wrong.message).toMatch(/^Wrong manager PIN \(4 attempts left/);
  });

  it('locks PIN checks for five minutes after five wrong PINs in a row, even for the right PIN, and says when to retry', async () => {
    await withManagers();
    for (const left of [4, 3, 2, 1]) expect(await refusal(service.approve(TWENTY_PERCENT, '1111'))).toMatchObject({ details: { attemptsLeft: left } });
    const fifth = await refusal(service.approve(TWENTY_PERCENT, '1111'));
    expect(fifth).toMatchObject({ code: 'rate_limited' });
    expect(fifth.message).toMatch(/Try again in 5 minutes \(at \d\d:\d\d\)/);
    expect(logLines.some((l) => l.includes('WARN') && l.includes('locked'))).toBe(true);

    clock += LOCKOUT_MS - 1_000;
    const stillLocked = await refusal(service.approve(TWENTY_PERCENT, '4821'));
    expect(stillLocked).toMatchObject({ code: 'rate_limited', details: { retryAfterMs: 1_000 } });
    expect(stillLocked.message).toContain('1 minute');
    // Adding a manager is a PIN check as well: no way round the lock.
    expect(await refusal(service.set('Eko', '2222', '4821'))).toMatchObject({ code: 'rate_limited' });

    clock += 1_000;
    expect((await service.approve(TWENTY_PERCENT, '4821')).approvedBy).toBe('Budi');
  });

  it('clears the count with a right PIN, so wrong PINs spread over a day do not lock anyone out', async () => {
    await withManagers();
    for (let i = 0; i < 4; i++) await refusal(service.approve(TWENTY_PERCENT, '1111'));
    await service.approve(TWENTY_PERCENT, '4821');
    expect(await refusal(service.approve(TWENTY_PERCENT, '1111'))).toMatchObject({ code: 'forbidden', details: { attemptsLeft: 4 } });
  });

  it('checks PINs one at a time: five wrong PINs sent together still lock on the fifth', async () => {
    await withManagers();
    const results = await Promise.all(Array.from({ length: 6 }, () => refusal(service.approve(TWENTY_PERCENT, '1111'))));
    expect(results.map((e) => e.code)).toEqual(['forbidden', 'forbidden', 'forbidden', 'forbidden', 'rate_limited', 'rate_limited']);
  });
});

describe('using an approval', () => {
  it('grants exactly the approved change once, with who approved it and when', async () => {
    await withManagers();
    const { approvalId } = await service.approve(TWENTY_PERCENT, '4821');
    clock += 30_000;
    // Same request, keys in another order: still the same request.
    const reordered = { discount: { basisPoints: 2000, kind: 'percent' }, lineId: 'L1', draftId: DRAFT, action: 'line_discount' } as const;
    const granted = service.consume(approvalId, reordered);
    expect(granted).toMatchObject({ action: 'line_discount', approvedBy: 'Budi' });
    expect(Date.parse(granted.approvedAt)).toBe(T0);
    expect(granted.approvedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);

    const again = thrownBy(ServiceError, () => service.consume(approvalId, TWENTY_PERCENT));
    expect(again).toMatchObject({ code: 'forbidden', issues: [{ path: 'approvalId', message: expect.stringMatching(/already used/) }] });
  });

  it('refuses an approval for 20 % used for 50 %, for another line or for another action, and spends it', async () => {
    await withManagers();
    const cases: ApprovalRequest[] = [
      { ...TWENTY_PERCENT, discount: { kind: 'percent', basisPoints: 5000 } },
      { ...TWENTY_PERCENT, lineId: 'L2' },
      { action: 'sale_discount', draftId: DRAFT, discount: { kind: 'percent', basisPoints: 2000 } },
      { action: 'queue_void', localId: DRAFT },
    ];
    for (const other of cases) {
      const { approvalId } = await service.approve(TWENTY_PERCENT, '4821');
      const refused = thrownBy(ServiceError, () => service.consume(approvalId, other));
      expect(refused, JSON.stringify(other)).toMatchObject({ code: 'forbidden', issues: [{ path: 'approvalId', message: expect.stringMatching(/different change/) }] });
      expect(() => service.consume(approvalId, TWENTY_PERCENT)).toThrow(/already used/);
    }
  });

  it('refuses an approval after two minutes', async () => {
    await withManagers();
    const { approvalId } = await service.approve(TWENTY_PERCENT, '4821');
    clock += APPROVAL_TTL_MS;
    expect(thrownBy(ServiceError, () => service.consume(approvalId, TWENTY_PERCENT))).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/expired/) });
  });

  it('refuses an unknown approval, and one given in another session (demo vs live database)', async () => {
    await withManagers();
    expect(thrownBy(ServiceError, () => service.consume('5b0f7c1e-0000-4000-8000-000000000000', TWENTY_PERCENT))).toMatchObject({
      code: 'forbidden',
      issues: [{ path: 'approvalId' }],
    });
    let current = state;
    const switching = createApprovalService({ state: () => current, logger: createLogger(() => undefined), now: () => clock, hashParams: FAST });
    const { approvalId } = await switching.approve(TWENTY_PERCENT, '4821');
    const other = tempDatabase('other.db');
    try {
      current = new AppStateStore(other.opened.db);
      expect(thrownBy(ServiceError, () => switching.consume(approvalId, TWENTY_PERCENT))).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/not known/) });
    } finally {
      other.cleanup();
    }
  });
});
