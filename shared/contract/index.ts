/**
 * The one IPC contract. Each capability adds its own `<area>.ts` with a method table and an event
 * table and spreads it in here; hosts, preload and the renderer client are all derived from these.
 * Method names are `<namespace>.<method>` with exactly one dot.
 */
import { accountMethods } from './account';
import { managerMethods } from './approval';
import { appEvents, appMethods } from './app';
import { catalogEvents, catalogMethods } from './catalog';
import { customerMethods } from './customer';
import { heldEvents, heldMethods } from './held';
import { returnsEvents, returnsMethods } from './returns';
import { printingEvents, printingMethods } from './printing';
import { queueEvents, queueMethods } from './queue';
import { saleEvents, saleMethods } from './sale';
import { scannerEvents, scannerMethods } from './scanner';
import { settingsMethods } from './settings';

export const contract = {
  ...appMethods,
  ...accountMethods,
  ...catalogMethods,
  ...settingsMethods,
  ...saleMethods,
  ...queueMethods,
  ...scannerMethods,
  ...customerMethods,
  ...managerMethods,
  ...printingMethods,
  ...heldMethods,
  ...returnsMethods,
} as const;

export const contractEvents = {
  ...appEvents,
  ...catalogEvents,
  ...saleEvents,
  ...queueEvents,
  ...scannerEvents,
  ...printingEvents,
  ...heldEvents,
  ...returnsEvents,
} as const;

export * from './types';
