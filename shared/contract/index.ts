/**
 * The one IPC contract. Each capability adds its own `<area>.ts` with a method table and an event
 * table and spreads it in here; hosts, preload and the renderer client are all derived from these.
 * Method names are `<namespace>.<method>` with exactly one dot.
 */
import { appEvents, appMethods } from './app';
import { scannerEvents, scannerMethods } from './scanner';

export const contract = {
  ...appMethods,
  ...scannerMethods,
} as const;

export const contractEvents = {
  ...appEvents,
  ...scannerEvents,
} as const;

export * from './types';
