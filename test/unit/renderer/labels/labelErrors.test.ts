import '../support/fakeHost';
import { describe, expect, it } from 'vitest';
import { PosError, type PosErrorShape } from '../../../../shared/errors';
import { translate, type Translate } from '../../../../renderer/i18n/t';
import { labelErrorText } from '../../../../renderer/screens/labels/labelErrors';

const en: Translate = (key, params) => translate('en', key, params);
const id: Translate = (key, params) => translate('id', key, params);
const count = (n: number): string => new Intl.NumberFormat('en-GB').format(n);

describe('labelErrorText: each refusal of labels.* in words the manager can act on', () => {
  it.each<[string, PosErrorShape, string]>([
    ['unknown bill', { code: 'not_found', message: 'x', details: { reason: 'unknown_document', kind: 'bill', outlet: 'Pluit', number: '2099.01.00001' } }, 'DealPOS has no purchase bill 2099.01.00001 in outlet Pluit.'],
    ['unknown delivery', { code: 'not_found', message: 'x', details: { reason: 'unknown_document', kind: 'delivery', outlet: 'Pluit', number: '7' } }, 'DealPOS has no outlet delivery 7 in outlet Pluit.'],
    ['outlet without access', { code: 'forbidden', message: 'x', details: { reason: 'outlet_not_accessible', outlet: 'Bandung' } }, 'Your DealPOS user cannot access outlet "Bandung". Pick one of the outlets listed.'],
    ['missing role, as DealPOS names it', { code: 'forbidden', message: 'x', details: { endpoint: 'Barcode/ByBillNumber', role: 'Products VIEW', serverMessage: null } }, 'Your DealPOS user lacks the "Products VIEW" role needed for this.'],
    ['offline, never loaded', { code: 'offline', message: 'x', details: { reason: 'needs_connection', number: '2023.09.00001' } }, 'Loading 2023.09.00001 needs a connection to DealPOS, and it was not loaded on this counter before. Try again when the connection is back.'],
    ['no labels', { code: 'validation', message: 'x', details: { reason: 'no_labels' } }, 'Every line is at 0 labels. Choose at least one label.'],
    ['too many labels', { code: 'validation', message: 'x', details: { reason: 'too_many_labels', requested: 100_000, max: 2_000 } }, '100,000 labels is more than one sheet may hold (at most 2,000). Lower the counts or print in parts.'],
    ['unencodable code', { code: 'validation', message: 'x', details: { reason: 'unencodable', code: 'KAFÉ-1' } }, 'No barcode can carry the code "KAFÉ-1" (only letters, digits and plain punctuation can be printed). Set its labels to 0 or fix the code in DealPOS.'],
    ['too wide for the size', { code: 'validation', message: 'x', details: { reason: 'too_wide', code: 'ROTI-GANDUM-370G', size: 'roll50x30' } }, 'The code "ROTI-GANDUM-370G" is too long to print as a scannable barcode on this label size. Choose the A4 sheet or set its labels to 0.'],
    ['not connected', { code: 'not_configured', message: 'x', details: { reason: 'not_connected' } }, 'Connect to DealPOS or start the demo store first.'],
    ['the host cannot open files', { code: 'not_configured', message: 'x', details: { reason: 'cannot_open' } }, 'This window cannot open files. Save the PDF and open it from your downloads to print.'],
    ['anything else keeps main\'s message', { code: 'storage_full', message: 'The disk is full while keeping the bill for offline labels; free some space and try again' }, 'The labels could not be made: The disk is full while keeping the bill for offline labels; free some space and try again'],
  ])('%s', (_name, shape, text) => {
    expect(labelErrorText(new PosError(shape), en, count)).toBe(text);
  });

  it('speaks Indonesian when the screen does', () => {
    const refused = new PosError({ code: 'not_found', message: 'x', details: { reason: 'unknown_document', kind: 'bill', outlet: 'Pluit', number: '9' } });
    expect(labelErrorText(refused, id, count)).toBe('DealPOS tidak punya faktur pembelian 9 di outlet Pluit.');
  });
});
