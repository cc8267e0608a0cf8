import type { Page, Request, WebSocket } from '@playwright/test';

export interface ApiWatch {
  /**
   * Resolves once no call seen since the watch began is in flight and none has started or ended
   * for `quietMs`; then stops watching.
   */
  quiet(quietMs?: number, timeoutMs?: number): Promise<void>;
}

/** The call id in a call-socket frame (`{"id": n, ...}` both ways), or null for anything else. */
function callId(payload: string | Buffer): number | null {
  try {
    const id: unknown = (JSON.parse(payload.toString()) as { id?: unknown }).id;
    return typeof id === 'number' ? id : null;
  } catch {
    return null;
  }
}

/**
 * Watches the app's API calls (`/api/call/…` and calls over the `/api/calls` WebSocket, not the
 * long-lived event stream). Start it before the action that opens a screen: screens load their
 * data when they open, and a test that acts before that settles races the screen's own start-up.
 * Start it before the page loads: Playwright reports the call socket only to listeners present
 * when it opens, and every call after that goes over it.
 */
export function watchApi(page: Page): ApiWatch {
  const inFlight = new Set<Request | number>();
  let lastChange = Date.now();
  const onSocket = (socket: WebSocket): void => {
    if (!socket.url().includes('/api/calls')) return;
    socket.on('framesent', ({ payload }) => {
      const id = callId(payload);
      if (id === null) return;
      inFlight.add(id);
      lastChange = Date.now();
    });
    socket.on('framereceived', ({ payload }) => {
      const id = callId(payload);
      if (id === null || !inFlight.delete(id)) return;
      lastChange = Date.now();
    });
  };
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
  page.on('websocket', onSocket);
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
        page.off('websocket', onSocket);
      }
    },
  };
}
