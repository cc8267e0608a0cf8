import { PosError } from '../../../shared/errors';
import type { Translate } from '../../i18n/t';
import { errorMessage } from '../../state/errorMessage';

/**
 * What main's `labels.*` refusals mean for the manager, in the UI language: each refusal carries a
 * `details.reason` (see shared/contract/labels.ts) and the values to name; anything else falls back
 * to the shared wording (connectivity in the UI language, else main's own message).
 */
export function labelErrorText(error: unknown, t: Translate, formatCount: (n: number) => string): string {
  if (!(error instanceof PosError)) return t('labels.error.other', { message: errorMessage(error) });
  const details = error.details ?? {};
  const value = (key: string): string => String(details[key] ?? '');
  switch (details['reason']) {
    case 'not_connected':
      return t('labels.error.notConnected');
    case 'outlet_not_accessible':
      return t('labels.error.outletNotAccessible', { outlet: value('outlet') });
    case 'unknown_document':
      return t(details['kind'] === 'delivery' ? 'labels.error.unknownDelivery' : 'labels.error.unknownBill', { number: value('number'), outlet: value('outlet') });
    case 'needs_connection':
      return t('labels.error.needsConnection', { number: value('number') });
    case 'no_labels':
      return t('labels.error.noLabels');
    case 'too_many_labels':
      return t('labels.error.tooManyLabels', { requested: formatCount(Number(details['requested'])), max: formatCount(Number(details['max'])) });
    case 'unencodable':
      return t('labels.error.unencodable', { code: value('code') });
    case 'too_wide':
      return t('labels.error.tooWide', { code: value('code') });
    case 'unknown_line':
      return t('labels.error.unknownLine');
    case 'not_loaded':
      return t('labels.error.notLoaded');
    case 'cannot_open':
      return t('labels.error.cannotOpen');
    case 'open_failed':
      return t('labels.sheet.openFailed', { message: error.message });
    case 'sheet_gone':
      return t('labels.error.sheetGone');
  }
  if (error.code === 'forbidden' && typeof details['role'] === 'string') return t('labels.error.missingRole', { role: details['role'] });
  return t('labels.error.other', { message: errorMessage(error) });
}
