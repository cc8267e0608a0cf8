/**
 * Short scan tones generated with WebAudio, so no audio files ship and the CSP needs no media source.
 * Good: one short high beep. Warning: two mid beeps. Error: a low buzz, long enough to notice
 * over a noisy counter.
 */
export type FeedbackKind = 'ok' | 'warning' | 'error';

interface Tone {
  readonly frequency: number;
  readonly seconds: number;
  readonly type: OscillatorType;
}

const PATTERNS: Readonly<Record<FeedbackKind, readonly Tone[]>> = {
  ok: [{ frequency: 1_800, seconds: 0.07, type: 'sine' }],
  warning: [
    { frequency: 660, seconds: 0.09, type: 'triangle' },
    { frequency: 660, seconds: 0.09, type: 'triangle' },
  ],
  error: [{ frequency: 180, seconds: 0.32, type: 'square' }],
};

const GAP_SECONDS = 0.06;
const VOLUME = 0.15;

/**
 * A running context keeps Chromium's audio thread waking a hundred times a second and the sound
 * server's stream open, silent or not, all day. It stays open through a sale (no start-up delay
 * before a beep) and is closed once this long has passed since the last tone ended; the next tone
 * opens a new one. Closed rather than suspended: resume() after suspend() never settled in
 * Debian's headless Chromium, and a beep must never depend on it.
 */
export const CLOSE_AFTER_IDLE_MS = 10_000;

let context: AudioContext | null = null;
let closeTimer: ReturnType<typeof setTimeout> | null = null;

function audioContext(): AudioContext | null {
  if (context) return context;
  if (typeof AudioContext === 'undefined') return null;
  context = new AudioContext();
  return context;
}

/** Plays the pattern for `kind`. Silent where audio is unavailable (tests, no sound card): the flash still shows. */
export function playTone(kind: FeedbackKind): void {
  const ctx = audioContext();
  if (!ctx) return;
  // Chromium starts contexts suspended until a user gesture; a keypress or scan counts.
  if (ctx.state === 'suspended') void ctx.resume();
  let at = ctx.currentTime;
  for (const tone of PATTERNS[kind]) {
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    oscillator.type = tone.type;
    oscillator.frequency.value = tone.frequency;
    // A short ramp in and out avoids clicks.
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(VOLUME, at + 0.005);
    gain.gain.setValueAtTime(VOLUME, at + tone.seconds - 0.01);
    gain.gain.linearRampToValueAtTime(0, at + tone.seconds);
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.start(at);
    oscillator.stop(at + tone.seconds);
    at += tone.seconds + GAP_SECONDS;
  }
  if (closeTimer !== null) clearTimeout(closeTimer);
  closeTimer = setTimeout(
    () => {
      closeTimer = null;
      context = null;
      void ctx.close();
    },
    (at - ctx.currentTime) * 1000 + CLOSE_AFTER_IDLE_MS,
  );
}
