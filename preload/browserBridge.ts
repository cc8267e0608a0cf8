/**
 * The browser host's stand-in for the Electron preload: defines the same `window.pos` over a
 * WebSocket or HTTP (calls) and Server-Sent Events (events). The per-run token arrives in the URL fragment, which is
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
/**
 * Settles once the event stream is connected (or has failed to connect). Electron's listeners are
 * live the moment they are added; an EventSource only after its request is answered, and an event
 * main sends before that is lost. Calls wait for it, so the renderer's "subscribe, then ask for the
 * current state" sees every change after the answer, as it does in Electron.
 */
let eventsReady: Promise<void> = Promise.resolve();

function ensureEventSource(): void {
  if (source) return;
  const stream = new EventSource(`./api/events?token=${encodeURIComponent(token)}`);
  source = stream;
  eventsReady = new Promise((resolve) => {
    stream.addEventListener('open', () => resolve(), { once: true });
    // A stream that cannot connect must not hold calls back; they meet the trouble themselves.
    stream.addEventListener('error', () => resolve(), { once: true });
  });
  stream.addEventListener('pos', (message) => {
    const { event, payload } = JSON.parse((message as MessageEvent<string>).data) as { event: string; payload: unknown };
    for (const listener of listeners.get(event) ?? []) listener(payload);
  });
}

async function invokeOverHttp(method: string, input: unknown): Promise<PosResult<unknown>> {
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

// Calls go over one WebSocket once it is open (one hop each way instead of a fetch's several — most
// of a scan's round trip); until then, or if it drops, over HTTP, and the socket is opened again.
let callSocket: WebSocket | null = null;
let nextCallId = 1;
const pendingCalls = new Map<number, (result: PosResult<unknown>) => void>();

/** After a socket that never opened (refused, blocked), HTTP alone for a while rather than a retry per call. */
const SOCKET_RETRY_MS = 5_000;
let socketRetryAt = 0;

function openCallSocket(): void {
  if (callSocket || Date.now() < socketRetryAt) return;
  const url = new URL(`./api/calls?token=${encodeURIComponent(token)}`, window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(url);
  callSocket = socket;
  socket.addEventListener('message', (message) => {
    const { id, result } = JSON.parse((message as MessageEvent<string>).data) as { id: number; result: PosResult<unknown> };
    const settle = pendingCalls.get(id);
    pendingCalls.delete(id);
    settle?.(result);
  });
  let opened = false;
  socket.addEventListener('open', () => {
    opened = true;
  });
  socket.addEventListener('close', () => {
    callSocket = null;
    if (!opened) socketRetryAt = Date.now() + SOCKET_RETRY_MS;
    // Whether main acted on these is unknown, exactly as for a fetch cut off mid-way.
    for (const settle of pendingCalls.values()) settle({ ok: false, error: { code: 'network', message: "The app's host closed the connection" } });
    pendingCalls.clear();
  });
}

async function invoke(method: string, input: unknown): Promise<PosResult<unknown>> {
  await eventsReady;
  return send(method, input);
}

function send(method: string, input: unknown): Promise<PosResult<unknown>> {
  const socket = callSocket;
  if (socket?.readyState !== WebSocket.OPEN) {
    openCallSocket();
    return invokeOverHttp(method, input);
  }
  return new Promise((resolve) => {
    const id = nextCallId++;
    pendingCalls.set(id, resolve);
    socket.send(JSON.stringify({ id, method, input: input ?? {} }));
  });
}

const bridge = buildPosBridge(invoke, (event, listener) => {
  ensureEventSource();
  const set = listeners.get(event) ?? new Set();
  listeners.set(event, set);
  set.add(listener);
  return () => set.delete(listener);
});

Object.defineProperty(window, 'pos', { value: Object.freeze(bridge), writable: false, configurable: false });
