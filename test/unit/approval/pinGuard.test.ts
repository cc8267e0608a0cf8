import { describe, expect, it } from 'vitest';
import { afterWrongPin, guardState, LOCKOUT_MS, MAX_WRONG_PINS, OPEN_GUARD, type PinGuard } from '../../../main/approval/pinGuard';

const T0 = Date.UTC(2026, 10, 22, 3, 0, 0);

function wrongTimes(count: number, start: PinGuard = OPEN_GUARD, at = T0): ReturnType<typeof afterWrongPin>[] {
  const outcomes: ReturnType<typeof afterWrongPin>[] = [];
  let guard = start;
  for (let i = 0; i < count; i++) {
    const outcome = afterWrongPin(guard, at);
    outcomes.push(outcome);
    guard = outcome.guard;
  }
  return outcomes;
}

describe('wrong manager PIN guard', () => {
  it('counts down the attempts left and locks for five minutes on the fifth wrong PIN in a row', () => {
    const outcomes = wrongTimes(MAX_WRONG_PINS);
    expect(outcomes.map((o) => o.attemptsLeft)).toEqual([4, 3, 2, 1, 0]);
    expect(outcomes.slice(0, 4).every((o) => o.lockedUntil === null)).toBe(true);
    const last = outcomes.at(-1);
    expect(last?.lockedUntil).toBe(T0 + LOCKOUT_MS);
    expect(guardState(last?.guard ?? OPEN_GUARD, T0 + LOCKOUT_MS - 1)).toEqual({ locked: true, until: T0 + LOCKOUT_MS });
    expect(guardState(last?.guard ?? OPEN_GUARD, T0 + LOCKOUT_MS)).toEqual({ locked: false });
  });

  it('starts the count afresh once a lock ran out', () => {
    const locked = wrongTimes(MAX_WRONG_PINS).at(-1)?.guard ?? OPEN_GUARD;
    const after = afterWrongPin(locked, T0 + LOCKOUT_MS + 1);
    expect(after).toMatchObject({ attemptsLeft: 4, lockedUntil: null });
  });

  it('does not lock while wrong PINs stay under the limit', () => {
    expect(guardState(wrongTimes(MAX_WRONG_PINS - 1).at(-1)?.guard ?? OPEN_GUARD, T0)).toEqual({ locked: false });
  });
});
