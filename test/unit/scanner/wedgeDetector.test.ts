import { describe, expect, it } from 'vitest';
import { DEFAULT_WEDGE_SETTINGS, WedgeDetector, wedgeSettingsSchema, type WedgeDecision, type WedgeKey } from '../../../shared/scanner/wedgeDetector';
import { mulberry32 } from '../../support/seededRandom';

function key(k: string, at: number, extra: Partial<WedgeKey> = {}): WedgeKey {
  return { key: k, at, ctrlKey: false, altKey: false, metaKey: false, repeat: false, ...extra };
}

/** Types `text` (then an optional terminator) with a fixed gap and returns every decision. */
function type(detector: WedgeDetector, text: string, gapMs: number, terminator: string | null = 'Enter', start = 1000): WedgeDecision[] {
  const keys = [...text, ...(terminator ? [terminator] : [])];
  return keys.map((k, i) => detector.key(key(k, start + i * gapMs)));
}

/** What a text field would end up holding if the renderer applies the decisions. */
function fieldText(decisions: readonly WedgeDecision[], typed: readonly string[]): string {
  let text = '';
  decisions.forEach((d, i) => {
    const k = typed[i] ?? '';
    if (d.kind === 'pass' && k.length === 1) text += k;
    if (d.kind === 'hold' && text.endsWith(d.takeBack)) text = text.slice(0, text.length - d.takeBack.length);
    if (d.kind === 'release') text += d.text + (k.length === 1 ? k : '');
    if (d.kind === 'scan') text = text.slice(0, text.length - d.leaked);
  });
  return text;
}

describe('WedgeDetector', () => {
  it('recognises a scanner burst ending in Enter, taking the first character back at the second key', () => {
    const decisions = type(new WedgeDetector(), '5901234123457', 4);
    expect(decisions[0]).toEqual({ kind: 'pass' });
    expect(decisions[1]).toEqual({ kind: 'hold', takeBack: '5' });
    expect(decisions.slice(2, -1).every((d) => d.kind === 'hold' && d.takeBack === '')).toBe(true);
    // Nothing is left to remove when Enter arrives, so the terminator changes nothing on screen.
    expect(decisions.at(-1)).toEqual({ kind: 'scan', code: '5901234123457', leaked: 0 });
    expect(fieldText(decisions, [...'5901234123457', 'Enter'])).toBe('');
  });

  it('leaves the field as it was before the burst after a scan into text already typed', () => {
    const detector = new WedgeDetector();
    const typed = ['a', 'b', ...'5901234123457', 'Enter'];
    const decisions = [detector.key(key('a', 0)), detector.key(key('b', 300)), ...[...'5901234123457', 'Enter'].map((k, i) => detector.key(key(k, 1000 + i * 4)))];
    expect(decisions.at(-1)).toEqual({ kind: 'scan', code: '5901234123457', leaked: 0 });
    expect(fieldText(decisions, typed)).toBe('ab');
  });

  it('reports a leaked character at the terminator only for a one-key scan (minimum length 1)', () => {
    const detector = new WedgeDetector({ ...DEFAULT_WEDGE_SETTINGS, minLength: 1 });
    expect(type(detector, '7', 4).at(-1)).toEqual({ kind: 'scan', code: '7', leaked: 1 });
  });

  it('accepts Tab as the terminator', () => {
    expect(type(new WedgeDetector(), 'ABC-12345', 6, 'Tab').at(-1)).toEqual({ kind: 'scan', code: 'ABC-12345', leaked: 0 });
  });

  it('never triggers for a person typing, even a fast one', () => {
    for (const gap of [60, 90, 150, 250]) {
      const detector = new WedgeDetector();
      const decisions = type(detector, '5901234123457', gap);
      expect(decisions.every((d) => d.kind === 'pass')).toBe(true);
    }
  });

  it('keeps the text and its order when a typist rolls two keys quickly and goes on slowly', () => {
    const detector = new WedgeDetector();
    const typed = ['k', 'o', 'p', 'i', 'Enter'];
    const decisions = [detector.key(key('k', 0)), detector.key(key('o', 20)), detector.key(key('p', 200)), detector.key(key('i', 400)), detector.key(key('Enter', 600))];
    expect(decisions.map((d) => d.kind)).toEqual(['pass', 'hold', 'release', 'pass', 'pass']);
    expect(fieldText(decisions, typed)).toBe('kopi');
  });

  it('gives held characters back when the burst stalls, via flush', () => {
    const detector = new WedgeDetector();
    detector.key(key('1', 0));
    expect(detector.key(key('2', 10))).toEqual({ kind: 'hold', takeBack: '1' });
    expect(detector.flush(30)).toEqual({ kind: 'pass' });
    expect(detector.flush(100)).toEqual({ kind: 'release', text: '12' });
    expect(detector.flush(200)).toEqual({ kind: 'pass' });
  });

  it('is not a scan when shorter than the minimum length', () => {
    const decisions = type(new WedgeDetector(), '12345', 4);
    expect(decisions.at(-1)).toEqual({ kind: 'release', text: '12345' });
    expect(fieldText(decisions, [...'12345', 'Enter'])).toBe('12345');
  });

  it('tells which keys a too-short burst held when its terminator arrives, but not after a person’s pause', () => {
    const detector = new WedgeDetector();
    type(detector, '1315L', 4, null, 0);
    expect(detector.burst(5 * 4)).toBe('1315L');
    expect(detector.burst(5 * 4 + 400)).toBe('');
  });

  it('is not a scan when the terminator comes late', () => {
    const detector = new WedgeDetector();
    type(detector, '5901234123457', 4, null, 0);
    expect(detector.key(key('Enter', 12 * 4 + 400)).kind).toBe('release');
  });

  it('is not a scan when the average gap is too slow even though no single gap is', () => {
    // 45 ms per key stays under the 50 ms gap ceiling but over the 30 ms average.
    expect(type(new WedgeDetector(), '5901234123457', 45).at(-1)?.kind).toBe('release');
  });

  it('lets shortcuts, auto-repeat and IME composition break a burst (pasting is Ctrl+V, not a burst)', () => {
    for (const extra of [{ ctrlKey: true }, { metaKey: true }, { altKey: true }, { repeat: true }, { isComposing: true }]) {
      const detector = new WedgeDetector();
      type(detector, '590123', 4, null, 0);
      expect(detector.key(key('v', 24, extra))).toEqual({ kind: 'release', text: '590123' });
      expect(detector.key(key('Enter', 28)).kind).toBe('pass');
    }
  });

  it('treats Ctrl+Alt (AltGr on Windows layouts) as typing a character', () => {
    const detector = new WedgeDetector();
    type(detector, 'ab', 4, null, 0);
    expect(detector.key(key('@', 8, { ctrlKey: true, altKey: true }))).toEqual({ kind: 'hold', takeBack: '' });
  });

  it('lets Shift between characters through without breaking the burst', () => {
    const detector = new WedgeDetector();
    const sequence = ['A', 'Shift', 'B', 'Shift', 'C', '1', '2', '3', 'Enter'];
    const decisions = sequence.map((k, i) => detector.key(key(k, i * 3)));
    expect(decisions.at(-1)).toEqual({ kind: 'scan', code: 'ABC123', leaked: 0 });
  });

  it('lets named keys such as Backspace end a burst and pass', () => {
    const detector = new WedgeDetector();
    type(detector, 'abc', 4, null, 0);
    expect(detector.key(key('Backspace', 12))).toEqual({ kind: 'release', text: 'abc' });
  });

  it('follows new settings', () => {
    const detector = new WedgeDetector();
    detector.configure({ ...DEFAULT_WEDGE_SETTINGS, minLength: 3, terminators: ['Tab'] });
    expect(type(detector, '123', 4, 'Enter').at(-1)?.kind).toBe('release');
    expect(type(detector, '123', 4, 'Tab', 5000).at(-1)).toEqual({ kind: 'scan', code: '123', leaked: 0 });
  });

  it('over 2,000 seeded sessions: jittery scanner bursts always scan, human-paced typing never does', () => {
    const random = mulberry32(42);
    const code = (length: number): string => Array.from({ length }, () => String(Math.floor(random() * 10))).join('');
    for (let i = 0; i < 1000; i++) {
      const scanner = new WedgeDetector();
      const text = code(8 + Math.floor(random() * 6));
      let at = 0;
      let last: WedgeDecision = { kind: 'pass' };
      for (const k of [...text, 'Enter']) {
        at += 1 + random() * 24; // USB polling plus jitter: 1–25 ms
        last = scanner.key(key(k, at));
      }
      expect(last).toEqual({ kind: 'scan', code: text, leaked: 0 });

      const person = new WedgeDetector();
      at = 0;
      for (const k of [...code(8 + Math.floor(random() * 6)), 'Enter']) {
        at += 60 + random() * 300; // even a fast typist averages well above 60 ms a key
        expect(person.key(key(k, at)).kind).not.toBe('scan');
      }
    }
  });

  describe('holding the first key (the empty scan field)', () => {
    const hold = { holdFirst: true };

    it('holds a whole scanner burst, so the field never changes', () => {
      const detector = new WedgeDetector();
      const decisions = [...'5901234123457'].map((k, i) => detector.key(key(k, 1000 + i * 2), hold));
      expect(decisions.every((d) => d.kind === 'hold' && d.takeBack === '')).toBe(true);
      expect(detector.key(key('Enter', 1000 + 13 * 2), hold)).toEqual({ kind: 'scan', code: '5901234123457', leaked: 0 });
    });

    it("types a person's first key after the short hold, and their next keys at once", () => {
      const detector = new WedgeDetector();
      expect(detector.key(key('8', 0), hold)).toEqual({ kind: 'hold', takeBack: '' });
      expect(detector.releaseFirst()).toEqual({ kind: 'release', text: '8' });
      expect(detector.releaseFirst()).toEqual({ kind: 'pass' });
      // The field is no longer empty, so the renderer stops asking to hold.
      expect(detector.key(key('9', 180))).toEqual({ kind: 'pass' });
      expect(detector.flush(400)).toEqual({ kind: 'pass' });
    });

    it('lets a slow scanner whose second key comes after the hold still scan, taking the first key back', () => {
      const detector = new WedgeDetector();
      const decisions: WedgeDecision[] = [detector.key(key('5', 0), hold), detector.releaseFirst()];
      [...'901234123457'].forEach((k, i) => decisions.push(detector.key(key(k, 25 * (i + 1)), hold)));
      expect(decisions[1]).toEqual({ kind: 'release', text: '5' });
      expect(decisions[2]).toEqual({ kind: 'hold', takeBack: '5' });
      expect(detector.key(key('Enter', 25 * 13))).toEqual({ kind: 'scan', code: '5901234123457', leaked: 0 });
    });

    it('keeps a scan whole when a busy page runs the release timer before keys the scanner sent in time', () => {
      // The scanner sent every key 8 ms apart, but the page was handed the second one only after its
      // timers had given the first back to the field; the key's own time still places it in the burst.
      const detector = new WedgeDetector();
      const typed = ['9', 'timer', ...'910010000012', 'Enter'];
      const decisions: WedgeDecision[] = [detector.key(key('9', 0), hold), detector.flush(120)];
      [...'910010000012'].forEach((k, i) => decisions.push(detector.key(key(k, 8 * (i + 1)), hold)));
      decisions.push(detector.key(key('Enter', 8 * 13)));
      expect(decisions[1]).toEqual({ kind: 'release', text: '9' });
      expect(decisions[2]).toEqual({ kind: 'hold', takeBack: '9' });
      expect(decisions.at(-1)).toEqual({ kind: 'scan', code: '9910010000012', leaked: 0 });
      expect(fieldText(decisions, typed)).toBe('');
    });

    it('after the release timer, a key that comes later than a scanner would is typing again', () => {
      const detector = new WedgeDetector();
      expect(detector.key(key('8', 0), hold)).toEqual({ kind: 'hold', takeBack: '' });
      expect(detector.flush(120)).toEqual({ kind: 'release', text: '8' });
      expect(detector.key(key('9', 200))).toEqual({ kind: 'pass' });
      expect(detector.key(key('Enter', 400))).toEqual({ kind: 'pass' });
    });

    it('gives a held first key back when a key that is not text follows', () => {
      const detector = new WedgeDetector();
      detector.key(key('a', 0), hold);
      expect(detector.key(key('Backspace', 5), hold)).toEqual({ kind: 'release', text: 'a' });
    });

    it('does not hold a key that must first give back the previous burst', () => {
      const detector = new WedgeDetector();
      detector.key(key('a', 0));
      detector.key(key('b', 10));
      expect(detector.key(key('c', 300), hold)).toEqual({ kind: 'release', text: 'ab' });
    });

    it('over 1,000 seeded bursts and typing sessions into the empty field: scans are whole, typing keeps every key in order', () => {
      const random = mulberry32(7);
      for (let i = 0; i < 1000; i++) {
        const text = Array.from({ length: 8 + Math.floor(random() * 6) }, () => String(Math.floor(random() * 10))).join('');
        // A scanner: 1–25 ms a key, the renderer's 20 ms first-key timer in between when it is due.
        const scanner = new WedgeDetector();
        let field = '';
        let at = 0;
        let last: WedgeDecision = { kind: 'pass' };
        for (const [index, k] of [...text, 'Enter'].entries()) {
          const gap = 1 + random() * 24;
          if (index === 1 && gap > 20) {
            const released = scanner.releaseFirst();
            if (released.kind === 'release') field += released.text;
          }
          at += gap;
          last = scanner.key(key(k, at), { holdFirst: field === '' });
          if (last.kind === 'hold' && field.endsWith(last.takeBack)) field = field.slice(0, field.length - last.takeBack.length);
        }
        expect(last).toEqual({ kind: 'scan', code: text, leaked: 0 });
        expect(field).toBe('');

        // A person: 60–360 ms a key; each held first key is typed by the timer before the next.
        const person = new WedgeDetector();
        let typed = '';
        at = 0;
        for (const k of text) {
          at += 60 + random() * 300;
          const decision = person.key(key(k, at), { holdFirst: typed === '' });
          if (decision.kind === 'pass') typed += k;
          if (decision.kind === 'release') typed += decision.text + k;
          if (decision.kind === 'hold') {
            const released = person.releaseFirst();
            if (released.kind === 'release') typed += released.text;
          }
        }
        expect(typed).toBe(text);
      }
    });
  });

  it('validates settings', () => {
    expect(wedgeSettingsSchema.safeParse(DEFAULT_WEDGE_SETTINGS).success).toBe(true);
    expect(wedgeSettingsSchema.safeParse({ ...DEFAULT_WEDGE_SETTINGS, maxAverageGapMs: 80 }).success).toBe(false);
    expect(wedgeSettingsSchema.safeParse({ ...DEFAULT_WEDGE_SETTINGS, terminators: [] }).success).toBe(false);
    expect(wedgeSettingsSchema.safeParse({ ...DEFAULT_WEDGE_SETTINGS, minLength: 0 }).success).toBe(false);
  });
});
