import { describe, expect, it } from 'vitest';
import { logoSize, packLogo } from '../../../../renderer/screens/settings/logoBitmap';

/** RGBA for a width × height image from rows of '#' (black), '.' (white) and ' ' (transparent). */
function pixels(rows: readonly string[]): Uint8ClampedArray {
  const out: number[] = [];
  for (const row of rows) for (const c of row) out.push(...(c === '#' ? [20, 20, 20, 255] : c === '.' ? [250, 250, 250, 255] : [0, 0, 0, 0]));
  return new Uint8ClampedArray(out);
}

describe('receipt logo bitmap', () => {
  it('packs dark opaque pixels as black dots, leftmost dot in the high bit; transparent is paper', () => {
    const logo = packLogo(pixels(['#.......#.......', '        ########']), 16, 2);
    expect(logo).toMatchObject({ width: 16, height: 2 });
    expect([...atob(logo.bits)].map((c) => c.charCodeAt(0))).toEqual([0x80, 0x80, 0x00, 0xff]);
  });

  it('scales a large image down to 384 × 192 dots at most, never up, and pads the width to whole bytes', () => {
    expect(logoSize(1000, 250)).toEqual({ width: 384, height: 96, drawWidth: 384 });
    expect(logoSize(300, 600)).toEqual({ width: 96, height: 192, drawWidth: 96 });
    expect(logoSize(50, 20)).toEqual({ width: 56, height: 20, drawWidth: 50 });
  });
});
