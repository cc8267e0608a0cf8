import { useEffect, useRef } from 'react';
import type { MessageKey, Translate } from '../../i18n/t';
import { Kbd } from './Kbd';

export interface HelpEntry {
  readonly id: string;
  readonly keys: string;
  readonly label: MessageKey;
  readonly group: MessageKey;
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

/** Lists every shortcut currently bound, grouped, so each action's key is discoverable. */
export function HelpOverlay({ shortcuts, t, onClose }: HelpOverlayProps): React.JSX.Element {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // Put focus inside the dialog and give it back to whatever had it when the dialog closes.
    const previous = document.activeElement;
    closeRef.current?.focus();
    return () => {
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
                  {entries.map((entry) => (
                    <tr key={entry.id} data-testid={`help-shortcut-${entry.id}`}>
                      <td>
                        <Kbd keys={entry.keys} />
                      </td>
                      <td>{t(entry.label)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
