/** The `account.*` and `settings.*` methods over the account service's current session. */
import type { ContractHandlers } from '../../shared/contract';
import type { Logger } from '../logging/logger';
import type { AccountService } from './accountService';
import { loadSettingsOptions } from './settingsOptions';

type AccountMethod = Extract<keyof ContractHandlers, `account.${string}` | `settings.${string}`>;
export type AccountHandlers = Pick<ContractHandlers, AccountMethod>;

export function createAccountHandlers(account: AccountService, logger: Logger): AccountHandlers {
  return {
    'account.status': async () => account.status(),
    'account.connect': (input) => account.connect(input),
    'account.startDemo': () => account.startDemo(),
    'account.disconnect': () => account.disconnect(),
    'settings.get': async () => account.session().settings.get(),
    'settings.update': async (patch) => account.session().settings.update(patch),
    'settings.options': () => loadSettingsOptions(account.session(), { logger }),
  };
}
