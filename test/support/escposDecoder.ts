/**
 * Reads ESC/POS bytes back for tests: the printed text lines (code page 858 decoded with a table
 * taken from Python's cp858 codec, not from the encoder under test) and the commands that matter to
 * a person at the counter: drawer pulses, barcodes, cuts, bold and size. Unknown commands throw, so
 * a change in what is sent cannot slip through unread.
 */
const CP858_HIGH = '\u00c7\u00fc\u00e9\u00e2\u00e4\u00e0\u00e5\u00e7\u00ea\u00eb\u00e8\u00ef\u00ee\u00ec\u00c4\u00c5\u00c9\u00e6\u00c6\u00f4\u00f6\u00f2\u00fb\u00f9\u00ff\u00d6\u00dc\u00f8\u00a3\u00d8\u00d7\u0192\u00e1\u00ed\u00f3\u00fa\u00f1\u00d1\u00aa\u00ba\u00bf\u00ae\u00ac\u00bd\u00bc\u00a1\u00ab\u00bb\u2591\u2592\u2593\u2502\u2524\u00c1\u00c2\u00c0\u00a9\u2563\u2551\u2557\u255d\u00a2\u00a5\u2510\u2514\u2534\u252c\u251c\u2500\u253c\u00e3\u00c3\u255a\u2554\u2569\u2566\u2560\u2550\u256c\u00a4\u00f0\u00d0\u00ca\u00cb\u00c8\u20ac\u00cd\u00ce\u00cf\u2518\u250c\u2588\u2584\u00a6\u00cc\u2580\u00d3\u00df\u00d4\u00d2\u00f5\u00d5\u00b5\u00fe\u00de\u00da\u00db\u00d9\u00fd\u00dd\u00af\u00b4\u00ad\u00b1\u2017\u00be\u00b6\u00a7\u00f7\u00b8\u00b0\u00a8\u00b7\u00b9\u00b3\u00b2\u25a0\u00a0';

export interface DecodedLine {
  readonly text: string;
  readonly bold: boolean;
  /** Width and height multipliers (GS !). */
  readonly size: { readonly width: number; readonly height: number };
  readonly align: 'left' | 'center' | 'right';
}

export type DecodedEvent =
  | { readonly kind: 'pulse'; readonly pin: 2 | 5; readonly onMs: number; readonly offMs: number }
  | { readonly kind: 'barcode'; readonly symbology: 'code128'; readonly value: string; readonly moduleWidth: number; readonly height: number }
  | { readonly kind: 'cut'; readonly partial: boolean }
  /** GS v 0: a raster image, `width` dots wide, rows of width / 8 bytes. */
  | { readonly kind: 'raster'; readonly width: number; readonly height: number; readonly bits: Uint8Array; readonly align: 'left' | 'center' | 'right' }
  | { readonly kind: 'codepage'; readonly table: number };

export interface DecodedJob {
  readonly lines: readonly DecodedLine[];
  readonly events: readonly DecodedEvent[];
  /** Every event and line in order, lines as `text` entries. */
  readonly sequence: ReadonlyArray<DecodedEvent | { readonly kind: 'line'; readonly text: string }>;
}

const ALIGN = ['left', 'center', 'right'] as const;

export function decodeEscPos(input: Uint8Array): DecodedJob {
  const bytes = Array.from(input);
  const lines: DecodedLine[] = [];
  const events: DecodedEvent[] = [];
  const sequence: Array<DecodedEvent | { kind: 'line'; text: string }> = [];
  let text = '';
  // A line's style is that of its first visible character (encoders switch styles off before the LF).
  let style: Pick<DecodedLine, 'bold' | 'size' | 'align'> | null = null;
  let bold = false;
  let size = { width: 1, height: 1 };
  let align: DecodedLine['align'] = 'left';
  let table = 0;
  let barcode = { width: 3, height: 162 };
  let i = 0;
  const take = (): number => {
    const value = bytes[i++];
    if (value === undefined) throw new Error(`ESC/POS ends inside a command at byte ${i}`);
    return value;
  };
  const event = (e: DecodedEvent): void => {
    events.push(e);
    sequence.push(e);
  };
  while (i < bytes.length) {
    const b = take();
    if (b === 0x0a) {
      lines.push({ text, ...(style ?? { bold, size, align }) });
      sequence.push({ kind: 'line', text });
      text = '';
      style = null;
    } else if (b === 0x1b) {
      const c = take();
      if (c === 0x40) { bold = false; size = { width: 1, height: 1 }; align = 'left'; }
      else if (c === 0x4d) take();
      else if (c === 0x74) { table = take(); event({ kind: 'codepage', table }); }
      else if (c === 0x61) align = ALIGN[take() % 48] ?? 'left';
      else if (c === 0x45) bold = take() === 1;
      else if (c === 0x64 || c === 0x4a) take();
      else if (c === 0x70) {
        const m = take();
        event({ kind: 'pulse', pin: m === 0 || m === 48 ? 2 : 5, onMs: take() * 2, offMs: take() * 2 });
      } else throw new Error(`Unknown ESC 0x${c.toString(16)} at byte ${i - 2}`);
    } else if (b === 0x1c) {
      const c = take();
      if (c !== 0x2e) throw new Error(`Unknown FS 0x${c.toString(16)} at byte ${i - 2}`);
    } else if (b === 0x1d) {
      const c = take();
      if (c === 0x21) { const n = take(); size = { width: (n >> 4) + 1, height: (n & 0x0f) + 1 }; }
      else if (c === 0x68) barcode = { ...barcode, height: take() };
      else if (c === 0x77) barcode = { ...barcode, width: take() };
      else if (c === 0x48 || c === 0x66) take();
      else if (c === 0x6b) {
        const m = take();
        if (m !== 73) throw new Error(`Barcode system ${m} is not Code 128`);
        const n = take();
        const data = String.fromCharCode(...bytes.slice(i, i + n));
        i += n;
        event({ kind: 'barcode', symbology: 'code128', value: data.replace(/^\{[ABC]/, ''), moduleWidth: barcode.width, height: barcode.height });
      } else if (c === 0x76) {
        if (take() !== 0x30) throw new Error(`Unknown GS v at byte ${i - 3}`);
        take(); // mode: normal
        const rowBytes = take() + take() * 256;
        const height = take() + take() * 256;
        const bits = new Uint8Array(bytes.slice(i, i + rowBytes * height));
        i += rowBytes * height;
        event({ kind: 'raster', width: rowBytes * 8, height, bits, align });
      } else if (c === 0x56) {
        const m = take();
        if (m === 65 || m === 66) take();
        event({ kind: 'cut', partial: m === 1 || m === 49 || m === 66 });
      } else throw new Error(`Unknown GS 0x${c.toString(16)} at byte ${i - 2}`);
    } else if (b < 0x20) {
      throw new Error(`Unexpected control byte 0x${b.toString(16)} at byte ${i - 1}`);
    } else if (b < 0x80) {
      if (b !== 0x20) style ??= { bold, size, align }; // leading spaces may be the encoder's centring
      text += String.fromCharCode(b);
    } else {
      if (table !== 19) throw new Error(`Byte 0x${b.toString(16)} under code table ${table}, expected 19 (cp858)`);
      style ??= { bold, size, align };
      text += CP858_HIGH[b - 0x80];
    }
  }
  if (text !== '') {
    lines.push({ text, ...(style ?? { bold, size, align }) });
    sequence.push({ kind: 'line', text });
  }
  return { lines, events, sequence };
}
