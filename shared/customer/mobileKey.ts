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

/**
 * The forms DealPOS may hold a mobile number in, to ask for one after another: the national form
 * first (how DealPOS's own example stores it, `081588818888`), then `+62…` and `62…`. Whatever the
 * cashier typed (spaces, dashes, a country code) gives the same list; a number that is not
 * Indonesian is asked for as its digits only.
 */
export function mobileLookupForms(mobile: string): string[] {
  const key = mobileKeyOf(mobile);
  if (key === null) return [mobile.trim()];
  if (!key.startsWith('0')) return [key];
  const subscriber = key.slice(1);
  return [key, `+${INDONESIA}${subscriber}`, `${INDONESIA}${subscriber}`];
}
