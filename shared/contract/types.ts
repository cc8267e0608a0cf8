import type { z } from 'zod';
import type { PosResult } from '../errors';
import type { contract, contractEvents } from './index';
import type { MethodSpec, TypeMarker } from './define';

export type Contract = typeof contract;
export type MethodName = keyof Contract & string;
export type EventName = keyof typeof contractEvents & string;

type InputSchemaOf<K extends MethodName> = Contract[K] extends MethodSpec<infer I, unknown> ? I : never;
/** What a caller passes (before defaults are applied). */
export type MethodInput<K extends MethodName> = z.input<InputSchemaOf<K>>;
/** What a handler receives (after zod parsing). */
export type ParsedInput<K extends MethodName> = z.output<InputSchemaOf<K>>;
export type MethodResult<K extends MethodName> = Contract[K] extends MethodSpec<z.ZodType, infer R> ? R : never;
export type EventPayload<E extends EventName> = (typeof contractEvents)[E] extends TypeMarker<infer P> ? P : never;

/** Main-side implementation of every method: missing one is a compile error in main/services.ts. */
export type ContractHandlers = { [K in MethodName]: (input: ParsedInput<K>) => Promise<MethodResult<K>> };

type Namespace = MethodName extends `${infer N}.${string}` ? N : never;
type MethodsOf<N extends Namespace> = Extract<MethodName, `${N}.${string}`>;
type Short<K extends string, N extends string> = K extends `${N}.${infer M}` ? M : never;

export type Unsubscribe = () => void;
export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void;

/** `window.pos`: what preload and the browser bridge expose. Results are never thrown across the boundary. */
export type PosBridge = {
  readonly [N in Namespace]: { readonly [K in MethodsOf<N> as Short<K, N>]: (input: MethodInput<K>) => Promise<PosResult<MethodResult<K>>> };
} & {
  readonly on: <E extends EventName>(event: E, listener: EventListener<E>) => Unsubscribe;
};

/** The renderer's client: same shape, but a failed call throws `PosError`. */
export type PosClient = {
  readonly [N in Namespace]: { readonly [K in MethodsOf<N> as Short<K, N>]: (input: MethodInput<K>) => Promise<MethodResult<K>> };
} & {
  readonly on: <E extends EventName>(event: E, listener: EventListener<E>) => Unsubscribe;
};
