import { code128, drawingSVG } from 'bwip-js/browser';
import { useMemo } from 'react';

export interface ReceiptBarcodeProps {
  /** The invoice number: the same Code 128 the thermal receipt prints, so a return finds the sale by scanning it. */
  readonly value: string;
  readonly label: string;
}

/** The invoice number as a Code 128 SVG (bwip-js), drawn in the page: nothing is fetched. */
export function ReceiptBarcode({ value, label }: ReceiptBarcodeProps): React.JSX.Element {
  // bwip-js draws an SVG document from plain numbers; the value is the app's own invoice number (ASCII).
  const svg = useMemo(() => code128({ bcid: 'code128', text: value, scale: 2, height: 12, includetext: true, textxalign: 'center' }, drawingSVG()), [value]);
  return <div className="receipt-barcode" role="img" aria-label={label} data-testid="receipt-barcode" dangerouslySetInnerHTML={{ __html: svg }} />;
}
