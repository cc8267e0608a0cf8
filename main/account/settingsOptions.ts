/**
 * The choices offered in settings (outlets, payment methods, tax types) from DealPOS, cached in
 * SQLite so the settings screen still works offline. Lists change rarely and cost three requests
 * of the shared budget, so a fetch younger than `maxAgeMs` is reused.
 */
import type { SettingsOptions } from '../../shared/contract/settings';
import { DealPosError } from '../dealpos/errors';
import { taxOptionsFromDealPos } from '../dealpos/taxOption';
import type { Logger } from '../logging/logger';
import type { AppStateStore } from '../store/appStateStore';
import { OPTIONS_KEY, settingsOptionsSchema } from './accountService';
import type { Session } from './session';

const NONE: SettingsOptions = { outlets: [], paymentMethods: [], taxes: [], source: 'none', fetchedAt: null };
const UNREACHABLE = new Set(['network', 'timeout', 'rate_limited', 'server_error', 'cancelled']);

/** The last fetched lists (null when never fetched, or cached in an older shape). */
export function cachedSettingsOptions(state: AppStateStore): SettingsOptions | null {
  return state.get(OPTIONS_KEY, settingsOptionsSchema);
}

export async function loadSettingsOptions(
  session: Pick<Session, 'state' | 'client'>,
  options: { readonly logger?: Logger; readonly now?: () => Date; readonly maxAgeMs?: number } = {},
): Promise<SettingsOptions> {
  const now = (options.now ?? (() => new Date()))();
  const cached = cachedSettingsOptions(session.state);
  const fresh = cached?.fetchedAt && now.getTime() - Date.parse(cached.fetchedAt) < (options.maxAgeMs ?? 10 * 60_000);
  const client = session.client;
  if (!client || fresh) return cached ? { ...cached, source: 'cache' } : NONE;
  const call = { priority: 'interactive' as const, maxWaitMs: 5000, timeoutMs: 10_000 };
  try {
    const [outlets, paymentMethods, taxes] = await Promise.all([
      client.listOutlets({}, call),
      client.listPaymentMethods(call),
      client.listTaxes(call),
    ]);
    const result: SettingsOptions = {
      outlets: outlets.filter((o) => !o.Suspended).map((o) => ({ id: o.ID, name: o.Name })),
      paymentMethods: paymentMethods.filter((m) => !m.Suspended).map((m) => ({ id: String(m.ID), name: m.Name, type: m.Type ?? null })),
      taxes: taxOptionsFromDealPos(taxes),
      source: 'dealpos',
      fetchedAt: now.toISOString(),
    };
    session.state.set(OPTIONS_KEY, result);
    return result;
  } catch (error) {
    if (error instanceof DealPosError && UNREACHABLE.has(error.code)) {
      options.logger?.warn(`Settings lists not refreshed (${error.code}); using the cached ones`);
      return cached ? { ...cached, source: 'cache' } : NONE;
    }
    throw error;
  }
}
