/**
 * Every area's message table. Each area adds one line here; its keys are then `t('<area>.<key>')`.
 */
import { approval } from './approval';
import { checkout } from './checkout';
import { held } from './held';
import { returns } from './returns';
import { onboarding } from './onboarding';
import { printing } from './printing';
import { queue } from './queue';
import { scanner } from './scanner';
import { settings } from './settings';
import { shell } from './shell';

export const catalogs = {
  shell,
  onboarding,
  settings,
  queue,
  checkout,
  scanner,
  approval,
  printing,
  held,
  returns,
} as const;
