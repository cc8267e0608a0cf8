import { useCallback } from 'react';
import { useStore } from '../state/store';
import { translate, type MessageKey, type MessageParams, type Translate } from './t';
import type { Locale } from './defineMessages';

export function useLocale(): Locale {
  return useStore((s) => s.settings.locale);
}

/** `t()` bound to the current UI language; components re-render when the language changes. */
export function useT(): Translate {
  const locale = useLocale();
  return useCallback((key: MessageKey, params?: MessageParams) => translate(locale, key, params), [locale]);
}
