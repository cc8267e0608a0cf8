import { z } from 'zod';
import { DEFAULT_SCALE_BARCODE_RULES, scaleBarcodeRulesSchema } from '../catalog/scaleBarcode';
import { MAX_CASH_ROUNDING_COIN } from '../sale/sale';
import { text } from '../text/text';
import { method, returns } from './define';

const name = text({ max: 100 });
const percent = z.number().int().min(0).max(100);

/**
 * Counter settings, stored in SQLite. Names (outlet, register, tax type, payment methods) are the
 * DealPOS names the invoice payload uses.
 */
export const settingsSchema = z
  .object({
    outlet: name.nullable(),
    register: name.nullable(),
    taxType: name.nullable(),
    /** DealPOS `Tag` (sales channel) written on every invoice. */
    salesTag: name,
    /** Payment methods offered at checkout, in display order. */
    paymentMethods: z.array(name).max(30).refine((list) => new Set(list).size === list.length, 'Payment methods must not repeat'),
    /** Minor-unit digits of the store currency (IDR: 0). */
    currencyDecimals: z.number().int().min(0).max(4),
    /** Printed as several lines: the only fields that keep LF (CRLF and CR become LF). */
    receiptHeader: text({ max: 500, min: 0, multiline: true }),
    receiptFooter: text({ max: 500, min: 0, multiline: true }),
    /** Opaque id of the chosen scanner as the scanner service reports it; null = keyboard wedge only. */
    scannerDevice: text({ max: 500 }).nullable(),
    maxLineDiscountPercent: percent,
    maxSaleDiscountPercent: percent,
    /** Starts every invoice number of this register, so offline registers never collide. */
    invoiceNumberPrefix: text({ max: 16, min: 0 }).pipe(z.string().regex(/^[A-Za-z0-9./-]*$/, 'Use letters, digits, ".", "/" or "-"')),
    /**
     * ASSUMPTION: what one loyalty point is worth at redemption, in minor units. DealPOS computes the
     * real discount from its RedeemPointValue setting, which has no public read endpoint.
     */
    loyaltyPointValue: z.number().int().min(0).max(1_000_000),
    language: z.enum(['en', 'id']),
    /** How price- and weight-embedded labels from the shop's scales are read (shared/catalog/scaleBarcode.ts). */
    scaleBarcodeRules: scaleBarcodeRulesSchema,
    /** Held sales parked longer than this are flagged in the list (never dropped). */
    heldSaleStaleHours: z.number().int().min(1).max(720),
    /**
     * The store's smallest coin in minor units: the cash due is rounded down to it (issue 13;
     * shared/sale/cashRounding.ts). Null: exact, to the last minor unit. Settings offers the coins
     * of `cashRoundingCoins`.
     */
    cashRoundingCoin: z.number().int().min(2).max(MAX_CASH_ROUNDING_COIN).nullable(),
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  outlet: null,
  register: null,
  taxType: null,
  salesTag: 'Offline',
  paymentMethods: ['Cash'],
  currencyDecimals: 0,
  receiptHeader: '',
  receiptFooter: '',
  scannerDevice: null,
  maxLineDiscountPercent: 100,
  maxSaleDiscountPercent: 100,
  invoiceNumberPrefix: '',
  loyaltyPointValue: 1,
  language: 'en',
  scaleBarcodeRules: [...DEFAULT_SCALE_BARCODE_RULES],
  heldSaleStaleHours: 24,
  cashRoundingCoin: null,
};

/** Fields added after the first release: a stored document without them gets their defaults. */
const ADDED_LATER: Partial<Settings> = {
  scaleBarcodeRules: DEFAULT_SETTINGS.scaleBarcodeRules,
  heldSaleStaleHours: DEFAULT_SETTINGS.heldSaleStaleHours,
  cashRoundingCoin: DEFAULT_SETTINGS.cashRoundingCoin,
};

/** Reads the stored settings document, filling fields it predates (never used for patches, which must not reset them). */
export const storedSettingsSchema = z.preprocess(
  (raw) => (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? { ...ADDED_LATER, ...raw } : raw),
  settingsSchema,
);

/** `settings.update` takes any subset; the merged whole is validated before anything is written. */
export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export interface NamedOption {
  readonly id: string;
  readonly name: string;
}

/** A DealPOS tax type as the checkout prices with it (shared/sale/sale.ts `TaxRule` plus its id). */
export interface TaxOption extends NamedOption {
  /** DealPOS `Rate` percent in basis points: 11 % → 1100. */
  readonly rateBasisPoints: number;
  /** DealPOS `Type` "Inclusive": prices already contain the tax. */
  readonly inclusive: boolean;
}

/** Choices offered in the settings screen, from DealPOS lists. */
export interface SettingsOptions {
  readonly outlets: readonly NamedOption[];
  readonly paymentMethods: ReadonlyArray<NamedOption & { readonly type: string | null }>;
  readonly taxes: readonly TaxOption[];
  /** `dealpos`: fetched just now; `cache`: offline, last fetched at `fetchedAt`; `none`: never fetched. */
  readonly source: 'dealpos' | 'cache' | 'none';
  readonly fetchedAt: string | null;
}

export const settingsMethods = {
  'settings.get': method({ input: z.object({}).strict(), result: returns<Settings>() }),
  'settings.update': method({ input: settingsPatchSchema, result: returns<Settings>() }),
  'settings.options': method({ input: z.object({}).strict(), result: returns<SettingsOptions>() }),
};
