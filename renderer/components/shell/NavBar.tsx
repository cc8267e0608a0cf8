import type { Screen } from '../../state/appSlice';
import type { MessageKey, Translate } from '../../i18n/t';
import { Kbd } from './Kbd';

export interface NavItem {
  readonly screen: Screen;
  readonly label: MessageKey;
  readonly keys: string;
  /** A count shown on the button (e.g. invoices needing attention); hidden when zero. */
  readonly badge?: number;
}

export interface NavBarProps {
  readonly items: readonly NavItem[];
  readonly current: Screen;
  readonly helpKeys: string;
  readonly t: Translate;
  readonly onNavigate: (screen: Screen) => void;
  readonly onHelp: () => void;
}

export function NavBar({ items, current, helpKeys, t, onNavigate, onHelp }: NavBarProps): React.JSX.Element {
  return (
    <nav className="nav" aria-label={t('shell.nav.label')}>
      {items.map((item) => (
        <button
          key={item.screen}
          type="button"
          className="nav-button"
          aria-current={item.screen === current ? 'page' : undefined}
          data-testid={`nav-${item.screen}`}
          title={item.keys}
          onClick={() => onNavigate(item.screen)}
        >
          <span className="nav-label">{t(item.label)}</span>
          {item.badge ? <span className="nav-badge">{item.badge}</span> : null}
          <Kbd keys={item.keys} />
        </button>
      ))}
      <button type="button" className="nav-button nav-help" data-testid="nav-help" title={helpKeys} onClick={onHelp}>
        <span className="nav-label">{t('shell.nav.help')}</span>
        <Kbd keys={helpKeys} />
      </button>
    </nav>
  );
}
