/**
 * Entry bundled by bundledPdf.test.ts with the app's own main-bundle options and run by plain node
 * outside the project: renders a small label sheet and writes it to argv[2].
 */
import fs from 'node:fs';
import { renderLabelSheet } from '../../../../main/labels/labelSheetPdf';

const out = process.argv[2];
if (!out) throw new Error('usage: renderSheetChild.cjs <out.pdf>');
renderLabelSheet(
  [
    { code: '1315L', name: 'Cardigan (L)', price: 'Rp 280.000', symbology: 'code128' },
    { code: '8991001000019', name: 'Indomie Goreng 85g', price: 'Rp 3.500', symbology: 'ean13' },
  ],
  'a4',
  'bundle check',
)
  .then(({ pdf }) => fs.writeFileSync(out, pdf))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
