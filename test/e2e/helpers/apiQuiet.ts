import type { Page, Request } from '@playwright/test';

export interface ApiWatch {
  /**
   * Resolves once no call seen since the watch began is in flight and none has started or ended
   * for `quietMs`; then stops watching.
   */
  quiet(quietMs?: number, timeoutMs?: number): Promise<void>;
}

/**
 * Watches the app's API calls (`/api/call/…`, not the long-lived event stream). Start it before
 * the action that opens a screen: screens load their data when they open, and a test that acts
 * before that settles races the screen's own start-up.
 */
export function watchApi(page: Page): ApiWatch {
  const inFlight = new Set<Request>();
  let lastChange = Date.now();
  const started = (request: Request): void => {
    if (!request.url().includes('/api/call/')) return;
    inFlight.add(request);
    lastChange = Date.now();
  };
  const ended = (request: Request): void => {
    if (!inFlight.delete(request)) return;
    lastChange = Date.now();
  };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  return {
    async quiet(quietMs = 200, timeoutMs = 10_000) {
      try {
        const deadline = Date.now() + timeoutMs;
        while (inFlight.size > 0 || Date.now() - lastChange < quietMs) {
          if (Date.now() > deadline) throw new Error(`API calls still in flight after ${timeoutMs} ms`);
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
      } finally {
        page.off('request', started);
        page.off('requestfinished', ended);
        page.off('requestfailed', ended);
      }
    },
  };
}
