/**
 * The scale-label rules as edited in Settings, and their validation, kept pure so they are tested
 * without rendering. The contract's schema (shared/catalog/scaleBarcode.ts) decides what is valid.
 */
import { scaleBarcodeRulesSchema, type ScaleBarcodeRule } from '../../../shared/catalog/scaleBarcode';
import type { MessageKey } from '../../i18n/t';

export interface ScaleRuleDraft {
  readonly prefix: string;
  readonly itemDigits: string;
  readonly valueDigits: string;
  readonly value: ScaleBarcodeRule['value'];
  readonly decimals: string;
}

/** One message per row (the first problem found), plus one for the list as a whole. */
export interface ScaleRulesErrors {
  readonly rows: ReadonlyArray<MessageKey | null>;
  readonly list: MessageKey | null;
}

export type ScaleRulesCheck = { readonly ok: true; readonly rules: ScaleBarcodeRule[] } | { readonly ok: false; readonly errors: ScaleRulesErrors };

export function scaleRulesDraftFrom(rules: readonly ScaleBarcodeRule[]): ScaleRuleDraft[] {
  return rules.map((rule) => ({
    prefix: rule.prefix,
    itemDigits: String(rule.itemDigits),
    valueDigits: String(rule.valueDigits),
    value: rule.value,
    decimals: String(rule.decimals),
  }));
}

const FIELD_MESSAGE: Readonly<Record<string, MessageKey>> = {
  prefix: 'settings.scale.error.prefix',
  itemDigits: 'settings.scale.error.digits',
  valueDigits: 'settings.scale.error.digits',
  decimals: 'settings.scale.error.decimals',
};

function whole(text: string): number {
  const trimmed = text.trim();
  return /^\d{1,2}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export function checkScaleRulesDraft(draft: readonly ScaleRuleDraft[]): ScaleRulesCheck {
  const candidate = draft.map((row) => ({
    prefix: row.prefix.trim(),
    itemDigits: whole(row.itemDigits),
    valueDigits: whole(row.valueDigits),
    value: row.value,
    decimals: whole(row.decimals),
  }));
  const parsed = scaleBarcodeRulesSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, rules: parsed.data };
  const rows: Array<MessageKey | null> = draft.map(() => null);
  let list: MessageKey | null = null;
  for (const issue of parsed.error.issues) {
    const [row, field] = issue.path;
    if (typeof row === 'number') {
      if (rows[row] === null) rows[row] = FIELD_MESSAGE[String(field)] ?? 'settings.scale.error.digits';
    } else {
      list ??= 'settings.scale.error.prefix';
    }
  }
  return { ok: false, errors: { rows, list } };
}
