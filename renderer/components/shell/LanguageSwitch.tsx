import { LOCALES, type Locale } from '../../i18n/defineMessages';
import type { Translate } from '../../i18n/t';

export interface LanguageSwitchProps {
  readonly locale: Locale;
  readonly t: Translate;
  readonly onChange: (locale: Locale) => void;
}

/** Two-way toggle between English and Bahasa Indonesia: short codes on screen, full names for screen readers. */
export function LanguageSwitch({ locale, t, onChange }: LanguageSwitchProps): React.JSX.Element {
  return (
    <div className="segmented" role="group" aria-label={t('shell.language')} data-testid="language-switch">
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          className="segmented-option"
          lang={option}
          aria-pressed={option === locale}
          data-testid={`lang-${option}`}
          aria-label={t(`shell.language.${option}`)}
          title={t(`shell.language.${option}`)}
          onClick={() => onChange(option)}
        >
          {t(`shell.language.short.${option}`)}
        </button>
      ))}
    </div>
  );
}
