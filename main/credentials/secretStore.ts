/**
 * The DealPOS client secret lives only in the OS keychain (macOS Keychain, Windows Credential
 * Vault, Secret Service on Linux) via keytar, and in main-process memory while connected.
 */
import keytar from '@github/keytar';
import { ServiceError } from '../../shared/errors';

export const KEYCHAIN_SERVICE = 'DealPOS Counter';

export class KeychainError extends ServiceError {
  constructor(doing: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      'keychain',
      `The system keychain is not available while ${doing} (${reason}). On Linux a Secret Service such as gnome-keyring must be running and unlocked.`,
      { cause },
    );
  }
}

export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** True when a secret was removed, false when there was none. */
  delete(account: string): Promise<boolean>;
}

/** The keychain account name of a DealPOS connection: one entry per store host and API client. */
export function keychainAccount(subdomain: string, clientId: string): string {
  return `${subdomain}/${clientId}`;
}

export function createKeytarSecretStore(service: string = KEYCHAIN_SERVICE): SecretStore {
  return {
    async get(account) {
      try {
        return await keytar.getPassword(service, account);
      } catch (error) {
        throw new KeychainError('reading the DealPOS secret', error);
      }
    },
    async set(account, secret) {
      try {
        await keytar.setPassword(service, account, secret);
      } catch (error) {
        throw new KeychainError('saving the DealPOS secret', error);
      }
    },
    async delete(account) {
      try {
        return await keytar.deletePassword(service, account);
      } catch (error) {
        throw new KeychainError('removing the DealPOS secret', error);
      }
    },
  };
}
