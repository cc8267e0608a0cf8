import { code128, drawingSVG } from 'bwip-js/browser';
import { useMemo } from 'react';

export interface ReceiptBarcodeProps {
  /** The invoice number: the same Code 128 the thermal receipt prints, so a return finds the sale by scanning it. */
  readonly value: string;
  readonly label: string;
}

/** The invoice number as a Code 128 SVG (bwip-js), drawn in the page: nothing is fetched. */
export function ReceiptBarcode({ value, label }: ReceiptBarcodeProps): React.JSX.Element {
  // One CSS pixel a module keeps a 21-character number inside a 58 mm receipt at whole pixels (a
  // scaled-down barcode blurs its bars); the padding is the quiet zone a scanner needs.
  // bwip-js draws an SVG document from plain numbers; the value is the app's own invoice number (ASCII).
  const svg = useMemo(() => {
    const drawn = code128({ bcid: 'code128', text: value, scale: 1, height: 12, includetext: true, textxalign: 'center', paddingwidth: 10, paddingheight: 4, backgroundcolor: 'FFFFFF' }, drawingSVG());
    // bwip-js gives only a viewBox, which the page would stretch to its width: pin its natural size.
    return drawn.replace(/<svg viewBox="0 0 (\d+) (\d+)"/, '<svg width="$1" height="$2" viewBox="0 0 $1 $2"');
  }, [value]);
  return <div className="receipt-barcode" role="img" aria-label={label} data-testid="receipt-barcode" dangerouslySetInnerHTML={{ __html: svg }} />;
}
