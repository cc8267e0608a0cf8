/**
 * The browser host's stand-in for the Electron preload: defines the same `window.pos` over HTTP
 * (calls) and Server-Sent Events (events). The per-run token arrives in the URL fragment, which is
 * never sent to a server, and is kept in sessionStorage so a reload keeps working.
 */
import { buildPosBridge } from '../shared/contract/bridge';
import type { PosResult } from '../shared/errors';

const TOKEN_KEY = 'dealpos-host-token';

function takeToken(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const token = takeToken();
const listeners = new Map<string, Set<(payload: unknown) => void>>();
let source: EventSource | null = null;

function ensureEventSource(): void {
  if (source) return;
  source = new EventSource(`./api/events?token=${encodeURIComponent(token)}`);
  source.addEventListener('pos', (message) => {
    const { event, payload } = JSON.parse((message as MessageEvent<string>).data) as { event: string; payload: unknown };
    for (const listener of listeners.get(event) ?? []) listener(payload);
  });
}

async function invoke(method: string, input: unknown): Promise<PosResult<unknown>> {
  let response: Response;
  try {
    response = await fetch(`./api/call/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(input ?? {}),
    });
  } catch (error) {
    return { ok: false, error: { code: 'network', message: `The app's host did not answer: ${String(error)}` } };
  }
  return (await response.json()) as PosResult<unknown>;
}

const bridge = buildPosBridge(invoke, (event, listener) => {
  ensureEventSource();
  const set = listeners.get(event) ?? new Set();
  listeners.set(event, set);
  set.add(listener);
  return () => set.delete(listener);
});

Object.defineProperty(window, 'pos', { value: Object.freeze(bridge), writable: false, configurable: false });
