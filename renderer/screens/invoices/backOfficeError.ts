import { PosError } from '../../../shared/errors';
import type { Translate } from '../../i18n/t';
import { errorMessage } from '../../state/errorMessage';

const text = (value: string | number | boolean | null | undefined): string => (value === null || value === undefined ? '' : String(value));

/**
 * A back-office failure in the UI language: the DealPOS role that is missing, the invoice or outlet
 * that is wrong, the page that does not exist, or that the screen needs a connection.
 */
export function backOfficeErrorText(error: unknown, t: Translate): string {
  if (!(error instanceof PosError)) return errorMessage(error);
  const details = error.details ?? {};
  switch (error.code) {
    case 'forbidden':
      return details['role'] ? t('invoices.error.lacksRole', { role: text(details['role']) }) : errorMessage(error);
    case 'not_found':
      if (details['reason'] === 'unknown_invoice') return t('invoices.error.unknownInvoice', { number: text(details['number']), outlet: text(details['outlet']) });
      if (details['reason'] === 'page_beyond_end') return t('invoices.error.pageBeyondEnd', { page: text(details['page']) });
      return errorMessage(error);
    case 'validation':
      if (details['reason'] === 'outlet_not_accessible') return t('invoices.error.outletNotAccessible', { outlet: text(details['outlet']) });
      return errorMessage(error);
    case 'offline':
    case 'network':
    case 'timeout':
      return t('invoices.error.offline');
    case 'not_configured':
      return t('invoices.error.notConfigured');
    default:
      return errorMessage(error);
  }
}

/** How long the request quota makes the next page wait, when that is why a call failed. */
export function quotaWaitMs(error: unknown): number | null {
  if (!(error instanceof PosError) || error.code !== 'rate_limited') return null;
  const wait = error.details?.['retryAfterMs'];
  return typeof wait === 'number' ? wait : null;
}
