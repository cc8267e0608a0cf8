import { useState } from 'react';
import type { LogsFolderResult } from '../../../shared/contract/app';
import { pos } from '../../api/pos';
import { useT } from '../../i18n/useT';
import { attempt, type ActionResult } from '../../state/actionResult';

/**
 * "Open logs folder" for support calls. Main opens it in the OS file manager where the host can;
 * otherwise (browser host, or the OS refused) the path is shown so it can be found by hand.
 */
export function LogsFolderButton(): React.JSX.Element {
  const t = useT();
  const [result, setResult] = useState<ActionResult<LogsFolderResult> | null>(null);
  const [busy, setBusy] = useState(false);

  const open = async (): Promise<void> => {
    setBusy(true);
    try {
      setResult(await attempt(() => pos.app.openLogsFolder({})));
    } finally {
      setBusy(false);
    }
  };

  const folder = result?.ok && !result.value.opened ? result.value : null;
  return (
    <div className="field">
      <button type="button" className="button" disabled={busy} onClick={() => void open()} data-testid="open-logs-folder">
        {t('settings.about.openLogs')}
      </button>
      {folder ? (
        <p className={folder.error ? 'notice notice-error' : 'muted'} role={folder.error ? 'alert' : 'status'} data-testid="logs-folder">
          {folder.error ? `${t('settings.about.openLogsFailed', { message: folder.error })} ${t('settings.about.logsAt')}` : t('settings.about.logsHere')}{' '}
          <code data-testid="logs-folder-path">{folder.path}</code>
        </p>
      ) : null}
      {result && !result.ok ? (
        <p className="notice notice-error" role="alert" data-testid="logs-folder">
          {t('settings.about.openLogsFailed', { message: result.message })}
        </p>
      ) : null}
    </div>
  );
}
