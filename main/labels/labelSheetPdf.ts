/**
 * The label sheet as a PDF (pdfkit), made in main so Electron and the browser host print the same
 * file through the OS. Each label: name, price, barcode (bwip-js bars scaled to whole printer dots),
 * code. Geometry comes from shared/labels/labelLayout.ts; this file only draws.
 */
import PDFDocument from 'pdfkit';
import { fitBarcode, labelFaceBoxes, labelSlot, LABEL_SHEETS, pageCount, type LabelSizeId } from '../../shared/labels/labelLayout';
import { QUIET_ZONE_MODULES, type LabelSymbology } from '../../shared/labels/labelSymbology';
import { encodeSymbol, type EncodedSymbol } from './barcodeBars';

export interface LabelFace {
  readonly code: string;
  readonly name: string;
  /** Already formatted, e.g. "Rp 280.000". */
  readonly price: string;
  readonly symbology: LabelSymbology;
}

export class LabelTooWideError extends Error {
  constructor(readonly code: string) {
    super(`Code ${code} is too long to print as a scannable barcode on this label size`);
    this.name = 'LabelTooWideError';
  }
}

/**
 * The standard PDF fonts cover WinAnsi (Latin-1 plus a few) only; other characters would print as
 * garbage, so they become '?' on the label (the barcode still carries the exact code).
 */
function printable(value: string): string {
  return value.replace(/[^\x20-\x7e\xa0-\xff]/gu, '?');
}

/** Encodes each distinct code once and checks it fits the size; throws LabelTooWideError for the first that does not. */
export function encodeAll(faces: readonly LabelFace[], size: LabelSizeId): Map<string, EncodedSymbol> {
  const spec = LABEL_SHEETS[size];
  const symbols = new Map<string, EncodedSymbol>();
  for (const face of faces) {
    if (symbols.has(face.code)) continue;
    const symbol = encodeSymbol(face.code, face.symbology);
    if (!fitBarcode(spec, 0, symbol.modules, QUIET_ZONE_MODULES[face.symbology])) throw new LabelTooWideError(face.code);
    symbols.set(face.code, symbol);
  }
  return symbols;
}

export async function renderLabelSheet(faces: readonly LabelFace[], size: LabelSizeId, title: string): Promise<{ pdf: Buffer; pages: number }> {
  const spec = LABEL_SHEETS[size];
  const symbols = encodeAll(faces, size);
  const boxes = labelFaceBoxes(spec);
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0, compress: true, info: { Title: title, Creator: 'DealPOS Counter' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  let page = -1;
  faces.forEach((face, index) => {
    const slot = labelSlot(spec, index);
    if (slot.page !== page) {
      doc.addPage({ size: [spec.pageWidth, spec.pageHeight], margin: 0 });
      page = slot.page;
    }
    doc.fillColor('black');
    doc
      .font('Helvetica')
      .fontSize(spec.fontSizes.name)
      .text(printable(face.name), slot.x + boxes.name.x, slot.y + boxes.name.y, { width: boxes.name.width, height: boxes.name.height, ellipsis: true, lineGap: 0 });
    doc
      .font('Helvetica-Bold')
      .fontSize(spec.fontSizes.price)
      .text(printable(face.price), slot.x + boxes.price.x, slot.y + boxes.price.y, { width: boxes.price.width, lineBreak: false });
    doc
      .font('Helvetica')
      .fontSize(spec.fontSizes.code)
      .text(printable(face.code), slot.x + boxes.code.x, slot.y + boxes.code.y, { width: boxes.code.width, align: 'center', lineBreak: false });

    const symbol = symbols.get(face.code);
    const fit = symbol ? fitBarcode(spec, slot.x, symbol.modules, QUIET_ZONE_MODULES[face.symbology]) : null;
    if (!symbol || !fit) throw new LabelTooWideError(face.code);
    const top = slot.y + boxes.barcode.y;
    const height = boxes.barcode.height;
    for (const bar of symbol.bars) {
      doc.rect(fit.x + bar.left * fit.moduleWidth, top + bar.top * height, bar.width * fit.moduleWidth, (bar.bottom - bar.top) * height);
    }
    doc.fill('black');
  });
  doc.end();
  return { pdf: await done, pages: pageCount(spec, faces.length) };
}
