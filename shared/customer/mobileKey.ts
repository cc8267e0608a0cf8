/**
 * The form a mobile number is compared in: digits only, with Indonesia's country code folded into
 * the national trunk prefix, so "+62 815-8881-8888", "6281588818888" and "0815 8881 8888" all give
 * "081588818888". Cashiers type whichever form the customer says; DealPOS stores whichever was typed.
 */
const INDONESIA = '62';

/** The comparison key of a mobile number, or null when it holds no digits. */
export function mobileKeyOf(mobile: string): string | null {
  const digits = mobile.replace(/\D+/g, '');
  if (digits === '') return null;
  return digits.startsWith(INDONESIA) ? `0${digits.slice(INDONESIA.length)}` : digits;
}
