/**
 * The store-setup form's draft and its validation, kept pure so it is tested without rendering.
 * Numbers are edited as text; the contract's own schema decides what is valid.
 */
import { settingsSchema, type Settings, type SettingsPatch } from '../../../shared/contract/settings';
import type { ValidationIssue } from '../../../shared/errors';
import type { MessageKey } from '../../i18n/t';

export interface SettingsDraft {
  readonly outlet: string;
  readonly register: string;
  readonly taxType: string;
  readonly salesTag: string;
  readonly paymentMethods: readonly string[];
  readonly currencyDecimals: string;
  readonly maxLineDiscountPercent: string;
  readonly maxSaleDiscountPercent: string;
  readonly receiptHeader: string;
  readonly receiptFooter: string;
  readonly invoiceNumberPrefix: string;
  readonly loyaltyPointValue: string;
  readonly heldSaleStaleHours: string;
  /** The coin cash is rounded down to, in minor units; '' is off. */
  readonly cashRoundingCoin: string;
}

export type DraftField = keyof SettingsDraft;
export type DraftErrors = Partial<Record<DraftField, MessageKey>>;

const FIELD_MESSAGE: Readonly<Record<DraftField, MessageKey>> = {
  outlet: 'settings.error.name',
  register: 'settings.error.name',
  taxType: 'settings.error.name',
  salesTag: 'settings.error.name',
  paymentMethods: 'settings.error.paymentMethods',
  currencyDecimals: 'settings.error.decimals',
  maxLineDiscountPercent: 'settings.error.percent',
  maxSaleDiscountPercent: 'settings.error.percent',
  receiptHeader: 'settings.error.text',
  receiptFooter: 'settings.error.text',
  invoiceNumberPrefix: 'settings.error.prefix',
  loyaltyPointValue: 'settings.error.pointValue',
  heldSaleStaleHours: 'settings.error.heldStaleHours',
  cashRoundingCoin: 'settings.error.cashRounding',
};

/** A sale cannot be written without these, so the form insists on them. */
const REQUIRED: readonly DraftField[] = ['outlet', 'taxType', 'salesTag'];

const NUMBER_FIELDS = ['currencyDecimals', 'maxLineDiscountPercent', 'maxSaleDiscountPercent', 'loyaltyPointValue', 'heldSaleStaleHours'] as const;

function isDraftField(value: string): value is DraftField {
  return Object.prototype.hasOwnProperty.call(FIELD_MESSAGE, value);
}

export function draftFrom(settings: Settings): SettingsDraft {
  return {
    outlet: settings.outlet ?? '',
    register: settings.register ?? '',
    taxType: settings.taxType ?? '',
    salesTag: settings.salesTag,
    paymentMethods: settings.paymentMethods,
    currencyDecimals: String(settings.currencyDecimals),
    maxLineDiscountPercent: String(settings.maxLineDiscountPercent),
    maxSaleDiscountPercent: String(settings.maxSaleDiscountPercent),
    receiptHeader: settings.receiptHeader,
    receiptFooter: settings.receiptFooter,
    invoiceNumberPrefix: settings.invoiceNumberPrefix,
    loyaltyPointValue: String(settings.loyaltyPointValue),
    heldSaleStaleHours: String(settings.heldSaleStaleHours),
    cashRoundingCoin: settings.cashRoundingCoin === null ? '' : String(settings.cashRoundingCoin),
  };
}

function parseWhole(text: string): number {
  const trimmed = text.trim();
  // Anything but plain digits (e.g. "1e2", "5.5", "-1") is a typing mistake, not a number to coerce.
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** Maps validation issues (ours or main's) onto form fields; the first problem per field wins. */
export function errorsFromIssues(issues: readonly ValidationIssue[]): DraftErrors {
  const errors: DraftErrors = {};
  for (const issue of issues) {
    const field = issue.path.split('.')[0] ?? '';
    if (isDraftField(field) && !errors[field]) errors[field] = FIELD_MESSAGE[field];
  }
  return errors;
}

export type DraftCheck = { readonly ok: true; readonly settings: Settings } | { readonly ok: false; readonly errors: DraftErrors };

/** The settings the draft describes, or what is wrong with it per field. Nothing is half-applied. */
export function checkDraft(saved: Settings, draft: SettingsDraft): DraftCheck {
  const errors: DraftErrors = {};
  for (const field of REQUIRED) {
    if (String(draft[field]).trim() === '') errors[field] = 'settings.error.required';
  }
  if (draft.paymentMethods.length === 0) errors.paymentMethods = 'settings.error.paymentMethods';
  const numbers = Object.fromEntries(NUMBER_FIELDS.map((field) => [field, parseWhole(draft[field])]));
  const candidate = {
    ...saved,
    outlet: draft.outlet.trim() || null,
    register: draft.register.trim() || null,
    taxType: draft.taxType.trim() || null,
    salesTag: draft.salesTag.trim(),
    paymentMethods: [...draft.paymentMethods],
    receiptHeader: draft.receiptHeader,
    receiptFooter: draft.receiptFooter,
    invoiceNumberPrefix: draft.invoiceNumberPrefix.trim(),
    cashRoundingCoin: draft.cashRoundingCoin === '' ? null : parseWhole(draft.cashRoundingCoin),
    ...numbers,
  };
  const parsed = settingsSchema.safeParse(candidate);
  if (!parsed.success) {
    const fromSchema = errorsFromIssues(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
    for (const [field, key] of Object.entries(fromSchema)) {
      if (isDraftField(field) && !errors[field] && key) errors[field] = key;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, settings: parsed.data };
}

/** Only what changed, so saving never overwrites a value another screen just set. */
export function changedSettings(saved: Settings, next: Settings): SettingsPatch {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(next) as Array<keyof Settings>) {
    if (JSON.stringify(saved[key]) !== JSON.stringify(next[key])) patch[key] = next[key];
  }
  return patch as SettingsPatch;
}
