import type { z } from 'zod';

/** Phantom marker carrying a TypeScript type through a plain object at no runtime cost. */
export interface TypeMarker<T> {
  readonly __type?: T;
}

export function returns<T>(): TypeMarker<T> {
  return {};
}

export interface MethodSpec<I extends z.ZodType, R> {
  readonly input: I;
  readonly result: TypeMarker<R>;
}

/** One contract entry: a zod schema for the input (validated in main) and the result's type. */
export function method<I extends z.ZodType, R>(spec: { input: I; result: TypeMarker<R> }): MethodSpec<I, R> {
  return spec;
}

export type AnyMethodSpec = MethodSpec<z.ZodType, unknown>;
