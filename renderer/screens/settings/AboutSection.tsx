import type { AppInfo } from '../../../shared/contract/app';
import type { Translate } from '../../i18n/t';
import { LogsFolderButton } from './LogsFolderButton';

export function AboutSection({ info, t }: { readonly info: AppInfo; readonly t: Translate }): React.JSX.Element {
  return (
    <section className="card" aria-labelledby="about-heading">
      <h2 id="about-heading">{t('settings.about.title')}</h2>
      <dl className="facts">
        <dt>{t('shell.version')}</dt>
        <dd data-testid="about-version">{info.version}</dd>
        <dt>{t('settings.about.mode')}</dt>
        <dd data-testid="about-mode">{t(`shell.mode.${info.mode}`)}</dd>
        <dt>{t('settings.about.dataDir')}</dt>
        <dd>
          <code data-testid="app-data-dir">{info.dataDir}</code>
        </dd>
      </dl>
      <LogsFolderButton />
    </section>
  );
}
