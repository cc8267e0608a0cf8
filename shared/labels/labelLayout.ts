/**
 * Label sheet geometry (issue 14), pure maths in PDF points (1/72 inch): where each label sits on
 * which page, the boxes inside a label, and a barcode's module width as a whole number of printer
 * dots, so bars keep their exact widths at the printer's resolution instead of being rounded one by
 * one (which is what makes a printed barcode unreadable).
 */

export const LABEL_SIZES = ['a4', 'roll50x30'] as const;
export type LabelSizeId = (typeof LABEL_SIZES)[number];

const PT_PER_MM = 72 / 25.4;
export function mm(value: number): number {
  return value * PT_PER_MM;
}

export interface LabelSheetSpec {
  readonly pageWidth: number;
  readonly pageHeight: number;
  readonly columns: number;
  readonly rows: number;
  readonly labelWidth: number;
  readonly labelHeight: number;
  /** Top-left corner of the first label. */
  readonly marginLeft: number;
  readonly marginTop: number;
  /** Distance between the left edges of neighbouring columns / top edges of neighbouring rows. */
  readonly pitchX: number;
  readonly pitchY: number;
  /** Resolution of the printer this size is printed on; module widths are whole dots of it. */
  readonly dpi: number;
  /** Space kept blank inside each label's edge (die-cut labels shift by about a millimetre). */
  readonly padding: number;
  readonly fontSizes: { readonly name: number; readonly price: number; readonly code: number };
}

/**
 * `a4`: 21 labels of 63.5 × 38.1 mm (3 × 7), the common A4 address-label sheet, on a 300 dpi office
 * printer. `roll50x30`: one 50 × 30 mm label per page, as thermal label printers (203 dpi) take them.
 */
export const LABEL_SHEETS: Readonly<Record<LabelSizeId, LabelSheetSpec>> = {
  a4: {
    pageWidth: mm(210),
    pageHeight: mm(297),
    columns: 3,
    rows: 7,
    labelWidth: mm(63.5),
    labelHeight: mm(38.1),
    marginLeft: mm(7.25),
    marginTop: mm(15.15),
    pitchX: mm(66),
    pitchY: mm(38.1),
    dpi: 300,
    padding: mm(2),
    fontSizes: { name: 8, price: 10, code: 7 },
  },
  roll50x30: {
    pageWidth: mm(50),
    pageHeight: mm(30),
    columns: 1,
    rows: 1,
    labelWidth: mm(50),
    labelHeight: mm(30),
    marginLeft: 0,
    marginTop: 0,
    pitchX: mm(50),
    pitchY: mm(30),
    dpi: 203,
    padding: mm(2),
    fontSizes: { name: 7, price: 9, code: 6.5 },
  },
};

export function labelsPerPage(spec: LabelSheetSpec): number {
  return spec.columns * spec.rows;
}

export function pageCount(spec: LabelSheetSpec, labels: number): number {
  return Math.ceil(labels / labelsPerPage(spec));
}

export interface LabelSlot {
  readonly page: number;
  readonly x: number;
  readonly y: number;
}

/** Label `index` (0-based) fills pages row by row, left to right. */
export function labelSlot(spec: LabelSheetSpec, index: number): LabelSlot {
  const perPage = labelsPerPage(spec);
  const onPage = index % perPage;
  return {
    page: Math.floor(index / perPage),
    x: spec.marginLeft + (onPage % spec.columns) * spec.pitchX,
    y: spec.marginTop + Math.floor(onPage / spec.columns) * spec.pitchY,
  };
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface LabelFaceBoxes {
  /** Up to two lines of the item name. */
  readonly name: Box;
  readonly price: Box;
  readonly barcode: Box;
  /** The code in plain text under the bars. */
  readonly code: Box;
}

const LINE_HEIGHT = 1.25;

/** The boxes of one label, relative to its top-left corner, top to bottom: name, price, bars, code. */
export function labelFaceBoxes(spec: LabelSheetSpec): LabelFaceBoxes {
  const inner = spec.labelWidth - 2 * spec.padding;
  const nameHeight = 2 * spec.fontSizes.name * LINE_HEIGHT;
  const priceHeight = spec.fontSizes.price * LINE_HEIGHT;
  const codeHeight = spec.fontSizes.code * LINE_HEIGHT;
  const gap = mm(0.8);
  const priceTop = spec.padding + nameHeight;
  const barcodeTop = priceTop + priceHeight + gap;
  const codeTop = spec.labelHeight - spec.padding - codeHeight;
  return {
    name: { x: spec.padding, y: spec.padding, width: inner, height: nameHeight },
    price: { x: spec.padding, y: priceTop, width: inner, height: priceHeight },
    barcode: { x: 0, y: barcodeTop, width: spec.labelWidth, height: codeTop - gap - barcodeTop },
    code: { x: spec.padding, y: codeTop, width: inner, height: codeHeight },
  };
}

/** Narrowest module scanners read reliably on paper labels (GS1 allows 0.264 mm for EAN at 80 %). */
export const MIN_MODULE_MM = 0.25;
/** Wider modules only make the symbol longer; 0.5 mm is well above any nominal X-dimension. */
export const MAX_MODULE_MM = 0.5;
/** Kept clear of bars at each label edge, on top of the symbology's own quiet zone. */
const EDGE_MM = 1;

export interface BarcodeFit {
  /** Absolute x of the first bar's module 0 (quiet zone excluded), on the printer's dot grid. */
  readonly x: number;
  /** Width of one module: a whole number of printer dots. */
  readonly moduleWidth: number;
  readonly moduleDots: number;
  /** Width of the bars from the first to the last module. */
  readonly width: number;
}

/**
 * Fits a symbol of `modules` modules plus its quiet zones into the label whose left edge is at
 * absolute `labelX`, centred, with the widest whole-dot module between the limits; null when even
 * the narrowest scannable module does not fit (the code is too long for this label size).
 */
export function fitBarcode(
  spec: LabelSheetSpec,
  labelX: number,
  modules: number,
  quiet: { readonly left: number; readonly right: number },
): BarcodeFit | null {
  const dot = 72 / spec.dpi;
  const mmPerDot = 25.4 / spec.dpi;
  const available = spec.labelWidth - 2 * mm(EDGE_MM);
  const totalModules = modules + quiet.left + quiet.right;
  const fitting = Math.floor(available / dot / totalModules);
  const moduleDots = Math.min(fitting, Math.floor(MAX_MODULE_MM / mmPerDot));
  if (modules <= 0 || moduleDots < Math.ceil(MIN_MODULE_MM / mmPerDot - 1e-9)) return null;
  const moduleWidth = moduleDots * dot;
  const width = modules * moduleWidth;
  // Centre the whole symbol (quiet zones included), then put its first bar on the dot grid.
  const symbolLeft = labelX + (spec.labelWidth - totalModules * moduleWidth) / 2;
  const x = Math.round((symbolLeft + quiet.left * moduleWidth) / dot) * dot;
  return { x, moduleWidth, moduleDots, width };
}
