/**
 * Encodes a code with bwip-js and collects its bars in module units, through bwip-js's own drawing
 * interface: bwip-js decides every bar (guards, check digits, Code 128 code sets), and the label
 * sheet only scales whole modules to whole printer dots.
 */
import bwipjs, { type DrawingContext } from 'bwip-js/node';
import type { LabelSymbology } from '../../shared/labels/labelSymbology';

export interface Bar {
  /** Left edge and width in modules. */
  readonly left: number;
  readonly width: number;
  /** Top and bottom as fractions of the symbol's height (EAN guard bars reach lower than data bars). */
  readonly top: number;
  readonly bottom: number;
}

export interface EncodedSymbol {
  readonly modules: number;
  readonly bars: readonly Bar[];
}

const BCID: Readonly<Record<LabelSymbology, string>> = { ean13: 'ean13', upca: 'upca', ean8: 'ean8', code128: 'code128' };

/** Renders at scale 1 (one unit = one module) and records each bar; bwip-js draws linear bars as unconnected vertical lines. */
function barCollector(): DrawingContext<EncodedSymbol> {
  let width = 0;
  let height = 1;
  const raw: Array<{ left: number; width: number; top: number; bottom: number }> = [];
  return {
    scale: () => null,
    measure: () => ({ width: 0, ascent: 0, descent: 0 }),
    init(w, h) {
      width = w;
      height = h;
    },
    line(x0, y0, x1, y1, lw) {
      if (x0 !== x1) throw new Error('bwip-js drew a horizontal line in a linear symbol');
      const lineWidth = Math.round(lw) || 1;
      // At scale 1 bwip-js centres odd-width lines half a module left of x: the bar spans x - ceil(lw/2) … + lw.
      raw.push({ left: Math.trunc(x0) - Math.ceil(lineWidth / 2), width: lineWidth, top: Math.min(y0, y1), bottom: Math.max(y0, y1) + 1 });
    },
    polygon() {
      throw new Error('bwip-js drew a polygon in a linear symbol');
    },
    hexagon() {
      throw new Error('bwip-js drew a hexagon in a linear symbol');
    },
    ellipse() {
      throw new Error('bwip-js drew an ellipse in a linear symbol');
    },
    fill: () => undefined,
    text: () => undefined,
    end: () => ({ modules: width, bars: raw.map((bar) => ({ left: bar.left, width: bar.width, top: bar.top / height, bottom: bar.bottom / height })) }),
  };
}

/** Throws bwip-js's error when the code cannot be encoded (the caller has already chosen a symbology that can). */
export function encodeSymbol(code: string, symbology: LabelSymbology): EncodedSymbol {
  return bwipjs.render({ bcid: BCID[symbology], text: code, scale: 1, height: 10, includetext: false, paddingwidth: 0, paddingheight: 0 }, barCollector());
}
