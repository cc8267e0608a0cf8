import { PosError } from '../../shared/errors';
import { errorTextKey } from '../i18n/errorText';
import { translate } from '../i18n/t';
import { useStore } from './store';

/** The message to show for a failed call: connectivity failures in the UI language (./i18n/errorText.ts), else main's message, written for people. */
export function errorMessage(error: unknown): string {
  if (error instanceof PosError) {
    const key = errorTextKey(error.code);
    return key === null ? error.message : translate(useStore.getState().settings.locale, key);
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
