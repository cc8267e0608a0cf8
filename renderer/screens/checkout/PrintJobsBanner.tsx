import { useEffect, useState } from 'react';
import type { PaperNotice, PrintJob } from '../../../shared/contract/printing';
import { pos } from '../../api/pos';
import { errorTextKey } from '../../i18n/errorText';
import type { Translate } from '../../i18n/t';
import { errorMessage } from '../../state/errorMessage';

/** Why a job failed: in the counter's language when the code says it all (out of paper…), else main's words. */
const reasonOf = (job: PrintJob, t: Translate): string => {
  const key = errorTextKey(job.lastErrorCode);
  return key === null ? (job.lastError ?? '') : t(key);
};

/**
 * Print jobs that failed (printer off, out of paper, refused, timed out, closed mid-job), each with a
 * retry, and what the printer last said about its paper: the sale is already recorded, so this sits
 * above the cart and the cashier keeps selling meanwhile.
 */
export function PrintJobsBanner({ t, onDone }: { readonly t: Translate; readonly onDone: () => void }): React.JSX.Element | null {
  const [jobs, setJobs] = useState<readonly PrintJob[]>([]);
  const [paper, setPaper] = useState<PaperNotice | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const off = pos.on('printJobs', (update) => {
      setJobs(update.jobs);
      setPaper(update.paper);
    });
    Promise.all([pos.printing.jobs({}), pos.printing.paper({})])
      .then(([list, notice]) => {
        if (!live) return;
        setJobs(list);
        setPaper(notice);
      })
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
      off();
    };
  }, []);

  const act = async (run: () => Promise<unknown>): Promise<void> => {
    try {
      await run();
      setError(null);
    } catch (e) {
      setError(t('printing.jobs.failed', { message: errorMessage(e) }));
    }
    onDone();
  };

  const shown = jobs.filter((job) => job.state !== 'printed');
  if (shown.length === 0 && !error && !paper) return null;
  return (
    <div className="notice notice-warning print-jobs" role="status" aria-label={t('printing.jobs.title')} data-testid="print-jobs">
      <ul>
        {shown.map((job) => (
          <li key={job.id} data-testid="print-job" data-state={job.state}>
            {job.state === 'failed'
              ? t(job.kind === 'drawer' ? 'printing.jobs.drawer' : 'printing.jobs.receipt', { number: job.invoiceNumber, reason: reasonOf(job, t) })
              : t('printing.jobs.printing', { number: job.invoiceNumber })}
            {job.state === 'failed' ? (
              <span className="button-row">
                <button type="button" className="button" data-testid="print-job-retry" onClick={() => void act(() => pos.printing.retry({ id: job.id }))}>
                  {t('printing.jobs.retry')}
                </button>
                <button type="button" className="button button-quiet" data-testid="print-job-dismiss" onClick={() => void act(() => pos.printing.dismiss({ id: job.id }))}>
                  {t('printing.jobs.dismiss')}
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {paper ? <p data-testid="printer-paper">{t(paper === 'end' ? 'printing.paper.end' : 'printing.paper.nearEnd')}</p> : null}
      {error ? (
        <p role="alert" data-testid="print-jobs-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
