import { PosError, type PosResult } from '../errors';
import { EVENT_NAMES, METHOD_NAMES } from './names';
import type { EventListener, EventName, MethodName, PosBridge, PosClient, Unsubscribe } from './types';

export type Invoke = (method: MethodName, input: unknown) => Promise<PosResult<unknown>>;
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => Unsubscribe;

export { EVENT_NAMES, METHOD_NAMES };

export function splitMethodName(name: string): [namespace: string, method: string] {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
}

function buildTree(fn: (name: MethodName) => (input: unknown) => Promise<unknown>): Record<string, Record<string, unknown>> {
  const tree: Record<string, Record<string, unknown>> = {};
  for (const name of METHOD_NAMES) {
    const [ns, short] = splitMethodName(name);
    (tree[ns] ??= {})[short] = fn(name);
  }
  return tree;
}

function isEventName(event: string): event is EventName {
  return (EVENT_NAMES as string[]).includes(event);
}

/**
 * Builds `window.pos` from a transport. Used by the Electron preload (ipcRenderer) and the browser
 * host's bridge (fetch + SSE), so both expose exactly the contract and nothing else.
 */
export function buildPosBridge(invoke: Invoke, subscribe: Subscribe): PosBridge {
  const tree = buildTree((name) => (input: unknown) => invoke(name, input ?? {}));
  const on = (event: string, listener: (payload: unknown) => void): Unsubscribe => {
    if (!isEventName(event)) throw new TypeError(`Unknown event "${event}"`);
    return subscribe(event, listener);
  };
  return { ...tree, on } as unknown as PosBridge;
}

/** The renderer's typed client over `window.pos`: unwraps results and throws `PosError` on failure. */
export function createPosClient(bridge: PosBridge): PosClient {
  const raw = bridge as unknown as Record<string, Record<string, (input: unknown) => Promise<PosResult<unknown>>>>;
  const tree = buildTree((name) => async (input: unknown) => {
    const [ns, short] = splitMethodName(name);
    const fn = raw[ns]?.[short];
    if (!fn) throw new PosError({ code: 'unknown_method', message: `The host does not offer ${name}` });
    const result = await fn(input);
    if (!result.ok) throw new PosError(result.error);
    return result.value;
  });
  const on = <E extends EventName>(event: E, listener: EventListener<E>): Unsubscribe => bridge.on(event, listener);
  return { ...tree, on } as unknown as PosClient;
}
