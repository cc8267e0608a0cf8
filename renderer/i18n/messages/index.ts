/**
 * Every area's message table. Each area adds one line here; its keys are then `t('<area>.<key>')`.
 */
import { approval } from './approval';
import { checkout } from './checkout';
import { labels } from './labels';
import { invoices } from './invoices';
import { held } from './held';
import { returns } from './returns';
import { onboarding } from './onboarding';
import { printing } from './printing';
import { queue } from './queue';
import { salesOrder } from './salesOrder';
import { scanner } from './scanner';
import { settings } from './settings';
import { shell } from './shell';
import { shift } from './shift';

export const catalogs = {
  shell,
  onboarding,
  settings,
  queue,
  checkout,
  scanner,
  approval,
  printing,
  labels,
  invoices,
  salesOrder,
  shift,
  held,
  returns,
} as const;
