/**
 * Runs one instance of a capability per session (its database and client change with the mode)
 * behind handlers that stay the same for the hosts: each call goes to the current instance.
 */
import { ServiceError } from '../../shared/errors';
import type { AccountService } from './accountService';
import type { Session } from './session';

type Handler = (input: never) => Promise<unknown>;

export interface PerSession<T, H> {
  current(): T;
  readonly handlers: H;
}

export function perSession<T extends { readonly handlers: object }>(
  account: AccountService,
  build: (session: Session) => T,
  stop: (instance: T) => void | Promise<void>,
): PerSession<T, T['handlers']> {
  let current: T | null = null;
  account.onSession((session) => {
    const instance = build(session);
    current = instance;
    return async () => {
      if (current === instance) current = null;
      await stop(instance);
    };
  });
  const get = (): T => {
    if (!current) throw new ServiceError('conflict', 'The app is switching between accounts; try again in a moment');
    return current;
  };
  const handlers: Record<string, Handler> = {};
  for (const key of Object.keys(get().handlers)) {
    handlers[key] = (input) => (get().handlers as unknown as Record<string, Handler>)[key]?.(input) ?? Promise.reject(new Error(`no ${key}`));
  }
  return { current: get, handlers: handlers as unknown as T['handlers'] };
}
