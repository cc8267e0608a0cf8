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
import { labelsMethods } from './labels';
import { invoicesMethods } from './invoices';
import { heldEvents, heldMethods } from './held';
import { returnsEvents, returnsMethods } from './returns';
import { printingEvents, printingMethods } from './printing';
import { queueEvents, queueMethods } from './queue';
import { receiptsMethods } from './receipts';
import { saleEvents, saleMethods } from './sale';
import { salesOrderEvents, salesOrderMethods } from './salesOrder';
import { scannerEvents, scannerMethods } from './scanner';
import { settingsMethods } from './settings';
import { shiftMethods } from './shift';

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
  ...receiptsMethods,
  ...labelsMethods,
  ...invoicesMethods,
  ...salesOrderMethods,
  ...shiftMethods,
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
  ...salesOrderEvents,
  ...heldEvents,
  ...returnsEvents,
} as const;

export * from './types';
