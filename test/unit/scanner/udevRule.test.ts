import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UDEV_RULE_FILE } from '../../../main/scanner/openFailure';

const rulesPath = path.resolve(__dirname, '../../../packaging/udev', UDEV_RULE_FILE);
const lines = fs
  .readFileSync(rulesPath, 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));

// udev syntax: comma-separated KEY{attr}?OP"value" pairs, OP one of == != = += -= :=.
const TOKEN = /^[A-Z_]+(\{[A-Za-z0-9_]+\})?(==|!=|\+=|-=|:=|=)"[^"]*"$/;

describe('udev rule for scanners', () => {
  it('is the file the permission hint and the .deb hook name', () => {
    expect(fs.existsSync(rulesPath)).toBe(true);
    const afterInstall = path.resolve(__dirname, '../../../packaging/linux/after-install.sh');
    expect(fs.readFileSync(afterInstall, 'utf8')).toContain(UDEV_RULE_FILE);
  });

  it('has only well-formed rule lines', () => {
    for (const line of lines) {
      for (const token of line.split(/,\s*/)) expect(token, line).toMatch(TOKEN);
    }
  });

  it('covers the common scanner vendors with lower-case hex IDs, only for hidraw, for the seat user', () => {
    const vendors = lines.flatMap((l) => /ATTRS\{idVendor\}=="([^"]+)"/.exec(l)?.slice(1) ?? []);
    for (const v of vendors) expect(v).toMatch(/^[0-9a-f]{4}$/);
    expect(vendors).toEqual(expect.arrayContaining(['0c2e', '05e0', '05f9', '1eab', '0db5']));
    expect(lines).toContain('SUBSYSTEM!="hidraw", GOTO="dealpos_counter_scanners_end"');
    for (const line of lines.filter((l) => l.includes('idVendor'))) expect(line).toContain('TAG+="uaccess"');
  });
});
