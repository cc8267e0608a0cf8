/**
 * Stands in for the host behind `window.pos` in jsdom component tests (there is no main process in
 * jsdom). It goes through the real contract bridge, so calls and errors have the real shapes; tests
 * decide the answers per method and push events. End-to-end tests use the real services instead.
 *
 * Import this module before anything that imports renderer/api/pos.ts: it installs `window.pos`.
 */
import { contract } from '../../../../shared/contract';
import { buildPosBridge } from '../../../../shared/contract/bridge';
import type { EventName, EventPayload, MethodName, MethodResult, ParsedInput } from '../../../../shared/contract';
import type { PosErrorShape } from '../../../../shared/errors';

type Handler<K extends MethodName> = (input: ParsedInput<K>) => MethodResult<K> | Promise<MethodResult<K>>;

class FakeHostError {
  constructor(readonly shape: PosErrorShape) {}
}

const handlers = new Map<MethodName, (input: unknown) => unknown>();
const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
const calls: Array<{ method: MethodName; input: unknown }> = [];

export const fakeHost = {
  /** Answers `method` with `handler` from now on. */
  handle<K extends MethodName>(method: K, handler: Handler<K>): void {
    handlers.set(method, handler as (input: unknown) => unknown);
  },
  /** A typed error the handler can throw to make the call fail like a ServiceError would. */
  error(shape: PosErrorShape): FakeHostError {
    return new FakeHostError(shape);
  },
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  },
  calls(method?: MethodName): Array<{ method: MethodName; input: unknown }> {
    return method ? calls.filter((c) => c.method === method) : [...calls];
  },
  listenerCount(event: EventName): number {
    return listeners.get(event)?.size ?? 0;
  },
  reset(): void {
    handlers.clear();
    listeners.clear();
    calls.length = 0;
  },
};

const bridge = buildPosBridge(
  async (method, input) => {
    calls.push({ method, input });
    // Validate like main's dispatcher does, so a wrongly shaped call fails here too.
    const parsed = contract[method].input.safeParse(input);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
      return { ok: false, error: { code: 'validation', message: `Invalid input for ${method}`, issues } };
    }
    const handler = handlers.get(method);
    if (!handler) return { ok: false, error: { code: 'unknown_method', message: `fake host has no answer for ${method}` } };
    try {
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof FakeHostError) return { ok: false, error: error.shape };
      throw error;
    }
  },
  (event, listener) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  },
);

Object.defineProperty(window, 'pos', { value: bridge, configurable: true });
