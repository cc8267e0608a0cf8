import type { EventListener, EventName, EventPayload, Unsubscribe } from '../../shared/contract';

/** Typed publish/subscribe for the events in the contract. Hosts subscribe and forward to renderers. */
export class EventHub {
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  private readonly anyListeners = new Set<(event: EventName, payload: unknown) => void>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
    for (const listener of this.anyListeners) listener(event, payload);
  }

  on<E extends EventName>(event: E, listener: EventListener<E>): Unsubscribe {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    const untyped = listener as (payload: unknown) => void;
    set.add(untyped);
    return () => set.delete(untyped);
  }

  /** Every event, for hosts that forward all of them over one channel. */
  onAny(listener: (event: EventName, payload: unknown) => void): Unsubscribe {
    this.anyListeners.add(listener);
    return () => this.anyListeners.delete(listener);
  }
}
