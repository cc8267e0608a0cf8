/**
 * Child process for youngGeneration.test.ts: a fresh V8 heap, optionally held with
 * holdYoungGeneration(), allocates like a busy main (most objects die young, a moving window of
 * recent ones survives a collection or two) and prints its young generation's size before and after.
 * Usage: node --import tsx youngGenerationChild.ts hold|default
 */
import v8 from 'node:v8';
import { holdYoungGeneration } from '../../../main/app/youngGeneration';

if (process.argv[2] === 'hold') holdYoungGeneration();
const newSpace = (): number => v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? Number.NaN;
const before = newSpace();
const recent: unknown[] = new Array<unknown>(5_000);
for (let i = 0; i < 4_000_000; i++) recent[i % recent.length] = { i, label: `sale-${i}`, lines: [i, i + 1] };
process.stdout.write(`${JSON.stringify({ before, after: newSpace() })}\n`);
