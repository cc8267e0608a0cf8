import { PosError } from '../../../shared/errors';
import { parseMoneyInput } from '../../../shared/money';
import type { MessageKey, Translate } from '../../i18n/t';

/**
 * What the cashier typed as an amount: a money figure ("150.000", "Rp 20.000"), else the plain
 * number ("-5", "10.5") so main refuses it naming the field, else null (nothing usable typed).
 */
export function amountFromText(text: string, decimals: number): number | null {
  const money = parseMoneyInput(text, decimals);
  if (money !== null) return money;
  const plain = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(plain) ? plain : null;
}

/** Main's refusal, per field, in the UI language where the field is one of ours; main's words otherwise. */
export function fieldErrors(error: unknown, t: Translate): Record<string, string> {
  if (!(error instanceof PosError)) return {};
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key: MessageKey | null = /(^|\.)(openingFloat|amount)$/.test(issue.path)
      ? 'shift.error.amount'
      : /\.count$/.test(issue.path)
        ? 'shift.error.count'
        : issue.path === 'reason'
          ? 'shift.error.reason'
          : null;
    out[issue.path] = key ? t(key) : issue.message;
  }
  return out;
}
