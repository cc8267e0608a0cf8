/**
 * Counter settings: one validated JSON document. `update` merges a patch, validates the whole
 * result (shape, then choices against the cached DealPOS lists) and writes it in one statement, so
 * a rejected update leaves the stored settings exactly as they were.
 */
import {
  DEFAULT_SETTINGS,
  settingsPatchSchema,
  settingsSchema,
  storedSettingsSchema,
  type Settings,
  type SettingsOptions,
} from '../../shared/contract/settings';
import { ServiceError, type ValidationIssue } from '../../shared/errors';
import type { AppStateStore } from './appStateStore';

const SETTINGS_KEY = 'settings';
/** DealPOS's documented tax type for untaxed sales; it need not appear in the Tax list. */
const NO_TAX = 'No Tax';

export type SettingsListener = (next: Settings, previous: Settings) => void;

function zodIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): ValidationIssue[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

export class SettingsValidationError extends ServiceError {
  constructor(issues: readonly ValidationIssue[]) {
    const first = issues[0];
    super('validation', `Settings not saved: ${first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'invalid'}`, { issues });
  }
}

export class SettingsStore {
  private readonly listeners = new Set<SettingsListener>();
  /** Only this store writes settings, so the parsed document can be kept (the resolver reads it per scan). */
  private cached: Settings | null = null;

  constructor(
    private readonly state: AppStateStore,
    /** The cached DealPOS choices; choices are only checked against lists that were actually fetched. */
    private readonly options: () => SettingsOptions | null = () => null,
  ) {}

  get(): Settings {
    this.cached ??= this.state.get(SETTINGS_KEY, storedSettingsSchema) ?? DEFAULT_SETTINGS;
    return this.cached;
  }

  update(patch: unknown): Settings {
    const parsedPatch = settingsPatchSchema.safeParse(patch);
    if (!parsedPatch.success) throw new SettingsValidationError(zodIssues(parsedPatch.error.issues));
    const previous = this.get();
    const merged = settingsSchema.safeParse({ ...previous, ...parsedPatch.data });
    if (!merged.success) throw new SettingsValidationError(zodIssues(merged.error.issues));
    const next = merged.data;
    const choiceIssues = this.checkChoices(next, parsedPatch.data);
    if (choiceIssues.length > 0) throw new SettingsValidationError(choiceIssues);
    this.state.set(SETTINGS_KEY, next);
    this.cached = next;
    for (const listener of this.listeners) listener(next, previous);
    return next;
  }

  onChange(listener: SettingsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Only fields in the patch are checked, so a renamed outlet on the server never blocks unrelated edits. */
  private checkChoices(next: Settings, patch: Partial<Settings>): ValidationIssue[] {
    const options = this.options();
    if (!options || options.source === 'none') return [];
    const issues: ValidationIssue[] = [];
    const known = (list: ReadonlyArray<{ name: string }>, value: string): boolean => list.some((o) => o.name === value);
    if (patch.outlet !== undefined && next.outlet !== null && options.outlets.length > 0 && !known(options.outlets, next.outlet)) {
      issues.push({ path: 'outlet', message: `DealPOS has no outlet named "${next.outlet}"` });
    }
    const taxKnown = next.taxType === null || next.taxType === NO_TAX || known(options.taxes, next.taxType);
    if (patch.taxType !== undefined && options.taxes.length > 0 && !taxKnown) {
      issues.push({ path: 'taxType', message: `DealPOS has no tax type named "${next.taxType}"` });
    }
    if (patch.paymentMethods !== undefined && options.paymentMethods.length > 0) {
      next.paymentMethods.forEach((method, index) => {
        if (!known(options.paymentMethods, method)) {
          issues.push({ path: `paymentMethods.${index}`, message: `DealPOS has no payment method named "${method}"` });
        }
      });
    }
    return issues;
  }
}
