/**
 * Every area's message table. Each area adds one line here; its keys are then `t('<area>.<key>')`.
 */
import { settings } from './settings';
import { shell } from './shell';

export const catalogs = {
  shell,
  settings,
} as const;
