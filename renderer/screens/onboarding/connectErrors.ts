import { connectInputSchema } from '../../../shared/contract/account';
import type { ErrorCode, ValidationIssue } from '../../../shared/errors';
import type { MessageKey } from '../../i18n/t';
import type { ConnectInput } from '../../state/settingsSlice';

export type ConnectField = keyof ConnectInput;
export type ConnectFieldErrors = Partial<Record<ConnectField, MessageKey>>;

const FIELDS: readonly ConnectField[] = ['subdomain', 'clientId', 'clientSecret'];

function isConnectField(value: string): value is ConnectField {
  return (FIELDS as readonly string[]).includes(value);
}

function messageFor(field: ConnectField, value: string): MessageKey {
  if (value.trim() === '') return 'onboarding.connect.required';
  return field === 'subdomain' ? 'onboarding.connect.subdomainInvalid' : 'onboarding.connect.noSpaces';
}

/** Field errors for the form from the contract's own schema, in the UI's words. */
export function connectFieldErrors(input: ConnectInput, issues?: readonly ValidationIssue[]): ConnectFieldErrors {
  const found = issues ?? (connectInputSchema.safeParse(input).error?.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) ?? []);
  const errors: ConnectFieldErrors = {};
  for (const issue of found) {
    const field = issue.path.split('.')[0] ?? '';
    if (isConnectField(field) && !errors[field]) errors[field] = messageFor(field, input[field]);
  }
  return errors;
}

const EXPLAINED: readonly ErrorCode[] = ['bad_credentials', 'network', 'timeout', 'not_found', 'forbidden', 'rate_limited', 'keychain'];

/** A plain-words headline for why the connection test failed; the server's own message is shown under it. */
export function connectErrorKey(code: ErrorCode): MessageKey {
  return (EXPLAINED as readonly string[]).includes(code)
    ? (`onboarding.connect.error.${code}` as MessageKey)
    : 'onboarding.connect.error.other';
}
