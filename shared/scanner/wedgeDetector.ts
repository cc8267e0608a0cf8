import { z } from 'zod';
import { MAX_SCAN_CODE_LENGTH } from './scanEvent';

/**
 * Keyboard-wedge scan detection: a scanner in keyboard mode "types" its code much faster than a
 * person and ends it with Enter or Tab. Pure logic over key timestamps; the renderer feeds it
 * keydown events and applies its decisions (swallow a key, take back a character that already
 * reached the field, re-insert held ones). Timestamps are milliseconds on one monotonic clock
 * (KeyboardEvent.timeStamp and performance.now() share one).
 *
 * A burst's first key cannot be told from typing, so it reaches the field. It is taken back as soon
 * as the second key makes the burst look like a scan, not when the terminator arrives: the
 * terminator's keydown then changes nothing on screen, and Chromium, which holds back a page's other
 * tasks after a key that changed the screen until the next frame is drawn, does not hold back the
 * scan's lookup answer. In the empty scan field, where scans land, the first key is instead held
 * for a moment (`holdFirst`), so a scan changes nothing on screen at all until its row appears
 * (see README, "Barcode scanners").
 */

export type WedgeTerminator = 'Enter' | 'Tab';

export interface WedgeSettings {
  /** Fewest characters before the terminator for a burst to count as a scan. */
  readonly minLength: number;
  /** Longest gap between two consecutive keys of one scan (ms), terminator included. */
  readonly maxGapMs: number;
  /** Longest average gap over the whole burst (ms). */
  readonly maxAverageGapMs: number;
  readonly terminators: readonly WedgeTerminator[];
}

/**
 * Defaults follow onScan.js and jQuery Scanner Detection (minimum length 6, 30 ms average per
 * character, Enter/Tab suffix). A per-gap ceiling of 50 ms tolerates one late USB poll without
 * letting a fast typist through: people rarely keep even two consecutive gaps under 50 ms.
 */
export const DEFAULT_WEDGE_SETTINGS: WedgeSettings = {
  minLength: 6,
  maxGapMs: 50,
  maxAverageGapMs: 30,
  terminators: ['Enter', 'Tab'],
};

export const wedgeSettingsSchema = z
  .object({
    minLength: z.number().int().min(1).max(128),
    maxGapMs: z.number().int().min(5).max(500),
    maxAverageGapMs: z.number().int().min(5).max(500),
    terminators: z.array(z.enum(['Enter', 'Tab'])).min(1).max(2),
  })
  .strict()
  .refine((s) => s.maxAverageGapMs <= s.maxGapMs, {
    message: 'maxAverageGapMs cannot exceed maxGapMs',
    path: ['maxAverageGapMs'],
  });

/** The parts of a KeyboardEvent the detector needs. */
export interface WedgeKey {
  /** KeyboardEvent.key: a single character for printable keys, a name ("Enter", "Shift") otherwise. */
  readonly key: string;
  readonly at: number;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
  /** Auto-repeat from a held key: never part of a scan. */
  readonly repeat: boolean;
  /** IME composition in progress: never part of a scan. */
  readonly isComposing?: boolean;
}

export type WedgeDecision =
  /** Not part of a scan: let the browser handle the key as usual. */
  | { readonly kind: 'pass' }
   /**
   * Possibly part of a scan: swallow the key (preventDefault) for now, and remove `takeBack` from
   * before the caret: the characters that already reached the field (set on a burst's first held key).
   */
  | { readonly kind: 'hold'; readonly takeBack: string }
  /**
   * A scan ended with this terminator: swallow it, and remove the `leaked` characters still in the
   * focused field (only a burst too short to have been held, with a minimum length of 1, leaves one).
   */
  | { readonly kind: 'scan'; readonly code: string; readonly leaked: number }
  /**
   * The burst was not a scan: insert `text` where the held keys would have gone (it includes any
   * characters taken back), then let this key through.
   */
  | { readonly kind: 'release'; readonly text: string };

/** Keys that only change how the next key types; they neither extend nor break a burst. */
const MODIFIER_KEYS = new Set(['Shift', 'CapsLock', 'AltGraph', 'NumLock']);

const PASS: WedgeDecision = { kind: 'pass' };
const HOLD: WedgeDecision = { kind: 'hold', takeBack: '' };

export class WedgeDetector {
  private chars: string[] = [];
  /** How many leading characters of the burst were let through and are still in the field. */
  private passed = 0;
  private firstAt = 0;
  private lastAt = 0;

  constructor(private settings: WedgeSettings = DEFAULT_WEDGE_SETTINGS) {}

  configure(settings: WedgeSettings): void {
    this.settings = settings;
    this.reset();
  }

  /**
   * Decides what to do with one keydown. With `holdFirst`, a key that would start a burst is held
   * too (the field is the empty scan field, where scans land): a scan then changes nothing on screen
   * until its row appears. The caller hands it over with `releaseFirst` a moment later if no second
   * key follows.
   */
  key(event: WedgeKey, options: { readonly holdFirst?: boolean } = {}): WedgeDecision {
    if (MODIFIER_KEYS.has(event.key)) return PASS;
    if (!isPlainKey(event)) return this.endBurst(PASS);

    if ((this.settings.terminators as readonly string[]).includes(event.key)) {
      return this.terminate(event.at);
    }
    if (event.key.length !== 1 && !isSingleCodePoint(event.key)) return this.endBurst(PASS);

    const continues = this.chars.length > 0 && event.at - this.lastAt <= this.settings.maxGapMs && this.chars.length < MAX_SCAN_CODE_LENGTH;
    if (!continues) {
      const released = this.endBurst(PASS);
      this.chars = [event.key];
      this.firstAt = event.at;
      this.lastAt = event.at;
      // Held only when nothing else must be inserted first: one decision cannot do both.
      const hold = options.holdFirst === true && released === PASS;
      this.passed = hold ? 0 : 1;
      return hold ? HOLD : released;
    }
    this.chars.push(event.key);
    this.lastAt = event.at;
    if (this.passed === 0) return HOLD;
    const takeBack = this.chars.slice(0, this.passed).join('');
    this.passed = 0;
    return { kind: 'hold', takeBack };
  }

  /**
   * Called from a short timer after a key held by `holdFirst`: if it is still the only key, it goes
   * to the field now (a person typing), and the burst stays open, so a slower scanner's next key
   * still joins it and takes it back.
   */
  releaseFirst(): WedgeDecision {
    const first = this.chars[0];
    if (this.chars.length !== 1 || this.passed !== 0 || first === undefined) return PASS;
    this.passed = 1;
    return { kind: 'release', text: first };
  }

  /**
   * Called from a timer after a held key: when no further key came within the gap limit the held
   * characters go back to the field (a person typing). The burst stays open by its keys' own times,
   * as after `releaseFirst`: a busy page can run this timer before keys the scanner sent in time are
   * handed to it, and such a key, stamped within the gap, still joins the burst and takes them back.
   */
  flush(now: number): WedgeDecision {
    if (this.chars.length === 0 || now - this.lastAt <= this.settings.maxGapMs) return PASS;
    const held = this.chars.slice(this.passed).join('');
    this.passed = this.chars.length;
    return held.length > 0 ? { kind: 'release', text: held } : PASS;
  }

  /** The keys of the burst still in progress at `at` (empty between bursts and after a gap too long for a scanner). */
  burst(at: number): string {
    return at - this.lastAt <= this.settings.maxGapMs ? this.chars.join('') : '';
  }

  reset(): void {
    this.chars = [];
    this.passed = 0;
  }

  private terminate(at: number): WedgeDecision {
    const count = this.chars.length;
    const isScan =
      count >= this.settings.minLength &&
      at - this.lastAt <= this.settings.maxGapMs &&
      (at - this.firstAt) / count <= this.settings.maxAverageGapMs;
    if (!isScan) return this.endBurst(PASS);
    const decision: WedgeDecision = { kind: 'scan', code: this.chars.join(''), leaked: this.passed };
    this.reset();
    return decision;
  }

  /** Ends the current burst, handing back any held characters together with `then`. */
  private endBurst(then: WedgeDecision): WedgeDecision {
    const held = this.chars.slice(this.passed).join('');
    this.reset();
    return held.length > 0 ? { kind: 'release', text: held } : then;
  }
}

/**
 * A key that types text: no shortcut modifier (Ctrl+V pastes, Ctrl+A selects …), no auto-repeat,
 * no IME composition. Ctrl+Alt together is AltGr on Windows layouts and still types a character.
 */
function isPlainKey(event: WedgeKey): boolean {
  if (event.repeat || event.isComposing === true || event.metaKey) return false;
  const altGr = event.ctrlKey && event.altKey;
  return altGr || (!event.ctrlKey && !event.altKey);
}

/** Characters outside the BMP arrive as a two-unit string but are still one typed character. */
function isSingleCodePoint(key: string): boolean {
  return key.length === 2 && (key.codePointAt(0) ?? 0) > 0xffff;
}
