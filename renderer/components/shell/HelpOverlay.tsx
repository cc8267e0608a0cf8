import { useEffect, useRef } from 'react';
import type { MessageKey, Translate } from '../../i18n/t';
import { Kbd } from './Kbd';

export interface HelpEntry {
  readonly id: string;
  readonly keys: string;
  readonly label: MessageKey;
  readonly group: MessageKey;
  /** False: bound, but not usable right now (listed, marked). */
  readonly enabled?: boolean;
}

export interface HelpOverlayProps {
  readonly shortcuts: readonly HelpEntry[];
  readonly t: Translate;
  readonly onClose: () => void;
}

function groupByHeading(shortcuts: readonly HelpEntry[]): Array<[MessageKey, HelpEntry[]]> {
  const groups = new Map<MessageKey, HelpEntry[]>();
  for (const entry of shortcuts) {
    const list = groups.get(entry.group) ?? [];
    list.push(entry);
    groups.set(entry.group, list);
  }
  return [...groups.entries()];
}

/** Keys the dialog itself uses: close it (Escape, F1, ?) and operate its buttons. */
const PASS_THROUGH = new Set(['Escape', 'F1', '?', 'Enter', ' ']);

function keepFocusInside(panel: HTMLElement | null, event: KeyboardEvent): void {
  if (!panel) return;
  const focusable = [...panel.querySelectorAll<HTMLElement>('button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])')];
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  const active = document.activeElement;
  if (event.shiftKey && (active === first || !panel.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !panel.contains(active))) {
    event.preventDefault();
    first.focus();
  }
}

/** Lists every shortcut bound on this screen, grouped, marking those not usable right now, so each action's key is discoverable. */
export function HelpOverlay({ shortcuts, t, onClose }: HelpOverlayProps): React.JSX.Element {
  const closeRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Put focus inside the dialog and give it back to whatever had it when the dialog closes.
    const previous = document.activeElement;
    closeRef.current?.focus();
    // While the dialog is open, the screen behind it must not react to its shortcuts (F9 would pay).
    const guard = (event: KeyboardEvent): void => {
      if (event.key === 'Tab') {
        keepFocusInside(panelRef.current, event);
        return;
      }
      if (PASS_THROUGH.has(event.key)) return;
      event.stopImmediatePropagation();
      if (/^F\d{1,2}$/.test(event.key) || event.altKey || event.ctrlKey || event.metaKey) event.preventDefault();
    };
    window.addEventListener('keydown', guard, true);
    return () => {
      window.removeEventListener('keydown', guard, true);
      if (previous instanceof HTMLElement) previous.focus();
    };
  }, []);
  return (
    <div className="overlay-backdrop" onClick={onClose} role="presentation">
      <div
        className="overlay-panel help-overlay"
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        ref={panelRef}
        data-testid="help-overlay"
        onClick={(event) => event.stopPropagation()}
      >
        <div className="overlay-header">
          <h2 id="help-title">{t('shell.help.title')}</h2>
          <button type="button" className="button" ref={closeRef} onClick={onClose} data-testid="help-close">
            {t('shell.help.close')} <Kbd keys="Escape" />
          </button>
        </div>
        <div className="help-groups">
          {groupByHeading(shortcuts).map(([group, entries]) => (
            <section key={group} className="help-group">
              <h3>{t(group)}</h3>
              <table className="help-table">
                <thead>
                  <tr>
                    <th scope="col">{t('shell.help.keys')}</th>
                    <th scope="col">{t('shell.help.action')}</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((entry) => {
                    const usable = entry.enabled !== false;
                    return (
                      <tr
                        key={entry.id}
                        className={usable ? undefined : 'help-unavailable'}
                        data-testid={`help-shortcut-${entry.id}`}
                        data-available={usable}
                      >
                        <td>
                          <Kbd keys={entry.keys} />
                        </td>
                        <td>
                          {t(entry.label)}
                          {usable ? null : <span className="help-unavailable-note"> — {t('shell.help.unavailable')}</span>}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
