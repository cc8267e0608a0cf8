import { useEffect } from 'react';
import { pos } from '../../api/pos';
import { useStore } from '../../state/store';

/**
 * Loads the queue now and again whenever main reports a change. Bursts of events (a backlog
 * syncing) collapse into at most one reload running and one waiting.
 */
export function useQueueRefresh(): void {
  useEffect(() => {
    let running: Promise<void> | null = null;
    let again = false;
    let stopped = false;
    const reload = (): void => {
      if (stopped) return;
      if (running) {
        again = true;
        return;
      }
      running = useStore
        .getState()
        .loadQueue()
        .finally(() => {
          running = null;
          if (again) {
            again = false;
            reload();
          }
        });
    };
    const offs = [pos.on('queueChanged', reload), pos.on('invoiceSynced', reload), pos.on('invoiceRejected', reload)];
    reload();
    return () => {
      stopped = true;
      for (const off of offs) off();
    };
  }, []);
}
