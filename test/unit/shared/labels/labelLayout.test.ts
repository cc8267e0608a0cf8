import { describe, expect, it } from 'vitest';
import { fitBarcode, LABEL_SHEETS, labelFaceBoxes, labelSlot, labelsPerPage, mm, pageCount, type LabelSizeId } from '../../../../shared/labels/labelLayout';
import { QUIET_ZONE_MODULES } from '../../../../shared/labels/labelSymbology';

const close = (value: number, expected: number): void => expect(value).toBeCloseTo(expected, 6);

describe('label sheets', () => {
  it.each<[LabelSizeId, number, number, number]>([
    ['a4', 21, 210, 297],
    ['roll50x30', 1, 50, 30],
  ])('%s holds %d labels on a %d × %d mm page', (size, perPage, widthMm, heightMm) => {
    const spec = LABEL_SHEETS[size];
    expect(labelsPerPage(spec)).toBe(perPage);
    close(spec.pageWidth, mm(widthMm));
    close(spec.pageHeight, mm(heightMm));
  });

  it.each<[LabelSizeId, number, number]>([
    ['a4', 0, 0],
    ['a4', 1, 1],
    ['a4', 21, 1],
    ['a4', 22, 2],
    ['a4', 45, 3],
    ['roll50x30', 45, 45],
    ['a4', 1000, 48],
  ])('%s: %d labels need %d pages', (size, labels, pages) => {
    expect(pageCount(LABEL_SHEETS[size], labels)).toBe(pages);
  });

  it.each<[number, number, number, number]>([
    [0, 0, 7.25, 15.15],
    [1, 0, 73.25, 15.15],
    [2, 0, 139.25, 15.15],
    [3, 0, 7.25, 53.25],
    [20, 0, 139.25, 243.75],
    [21, 1, 7.25, 15.15],
  ])('A4 label %d is on page %d at %d mm, %d mm', (index, page, xMm, yMm) => {
    const slot = labelSlot(LABEL_SHEETS.a4, index);
    expect(slot.page).toBe(page);
    close(slot.x, mm(xMm));
    close(slot.y, mm(yMm));
  });

  it('keeps every A4 label on the page, right and bottom edges included', () => {
    const spec = LABEL_SHEETS.a4;
    const last = labelSlot(spec, labelsPerPage(spec) - 1);
    expect(last.x + spec.labelWidth).toBeLessThanOrEqual(spec.pageWidth);
    expect(last.y + spec.labelHeight).toBeLessThanOrEqual(spec.pageHeight);
  });

  it.each<LabelSizeId>(['a4', 'roll50x30'])('%s: the face boxes stack inside the label without overlapping, with room for bars', (size) => {
    const spec = LABEL_SHEETS[size];
    const boxes = labelFaceBoxes(spec);
    expect(boxes.name.y + boxes.name.height).toBeLessThanOrEqual(boxes.price.y + 1e-9);
    expect(boxes.price.y + boxes.price.height).toBeLessThan(boxes.barcode.y);
    expect(boxes.barcode.y + boxes.barcode.height).toBeLessThan(boxes.code.y);
    expect(boxes.code.y + boxes.code.height).toBeLessThanOrEqual(spec.labelHeight);
    // At least 10 mm of bars: scanners want height, and EAN's nominal is about 23 mm at 100 %.
    expect(boxes.barcode.height).toBeGreaterThan(mm(10));
  });
});

describe('fitBarcode', () => {
  const dots = (size: LabelSizeId, pt: number): number => (pt * LABEL_SHEETS[size].dpi) / 72;

  it.each<[string, LabelSizeId, number, keyof typeof QUIET_ZONE_MODULES, number]>([
    // Code 128 "1315XL" is 90 modules: 110 with quiet zones; 48 mm of a 50 mm label is 378 dots at 203 dpi.
    ['seed code 1315XL on the roll: the widest module allowed (3 dots = 0.375 mm)', 'roll50x30', 90, 'code128', 3],
    ['EAN-13 (95 modules) on the roll', 'roll50x30', 95, 'ean13', 3],
    ['the longest Code 128 the roll takes (171 modules: 12 letters, or 24 digits): the narrowest scannable module', 'roll50x30', 171, 'code128', 2],
    ['EAN-13 on A4 at 300 dpi: 5 dots (0.42 mm)', 'a4', 95, 'ean13', 5],
    ['the longest Code 128 A4 takes (222 modules: 17 letters) at 300 dpi: 3 dots (0.254 mm)', 'a4', 222, 'code128', 3],
  ])('%s', (_name, size, modules, symbology, moduleDots) => {
    const spec = LABEL_SHEETS[size];
    const labelX = labelSlot(spec, 4 % labelsPerPage(spec)).x;
    const fit = fitBarcode(spec, labelX, modules, QUIET_ZONE_MODULES[symbology]);
    expect(fit?.moduleDots).toBe(moduleDots);
    if (!fit) return;
    // Whole dots: the module and the first bar's position land on the printer's dot grid.
    close(dots(size, fit.moduleWidth), moduleDots);
    close(dots(size, fit.x), Math.round(dots(size, fit.x)));
    // Quiet zones stay inside the label.
    const quiet = QUIET_ZONE_MODULES[symbology];
    expect(fit.x - quiet.left * fit.moduleWidth).toBeGreaterThanOrEqual(labelX);
    expect(fit.x + fit.width + quiet.right * fit.moduleWidth).toBeLessThanOrEqual(labelX + spec.labelWidth);
    close(fit.width, modules * fit.moduleWidth);
  });

  it.each<[LabelSizeId, number]>([
    ['roll50x30', 172],
    ['a4', 223],
  ])('%s: one module more (%d) does not fit at a scannable width', (size, modules) => {
    expect(fitBarcode(LABEL_SHEETS[size], 0, modules, QUIET_ZONE_MODULES.code128)).toBeNull();
  });

  it('a symbol with no modules does not fit', () => {
    expect(fitBarcode(LABEL_SHEETS.a4, 0, 0, QUIET_ZONE_MODULES.code128)).toBeNull();
  });
});
