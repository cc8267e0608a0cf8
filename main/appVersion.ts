import fs from 'node:fs';
import path from 'node:path';

/** The version in package.json, for hosts that do not get it from Electron. */
export function packageVersion(): string {
  const file = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../package.json');
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: unknown };
  if (typeof parsed.version !== 'string') throw new Error(`No version in ${file}`);
  return parsed.version;
}
