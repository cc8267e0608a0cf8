/** The process layering is enforced by ESLint; these cases prove each rule fires (and stays quiet when it should). */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layer rules', () => {
  it('refuses main/ imports in the renderer', async () => {
    expect(await ruleIds('renderer/screens/Bad.tsx', "import { createServices } from '../../main/services';\nexport const x = createServices;\n")).toContain('no-restricted-imports');
  });

  it('refuses Node and Electron in the renderer', async () => {
    expect(await ruleIds('renderer/Bad.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('renderer/Bad2.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n")).toContain('no-restricted-imports');
  });

  it('refuses Node, the DOM and other layers in shared/', async () => {
    expect(await ruleIds('shared/bad.ts', "import path from 'node:path';\nexport const x = path;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('shared/bad2.ts', 'export const x = () => window.location.href;\n')).toContain('no-restricted-globals');
    expect(await ruleIds('shared/bad3.ts', "import { pos } from '../renderer/api/pos';\nexport const x = pos;\n")).toContain('no-restricted-imports');
  });

  it('refuses main/ in preload', async () => {
    expect(await ruleIds('preload/bad.ts', "import { createServices } from '../main/services';\nexport const x = createServices;\n")).toContain('no-restricted-imports');
  });

  it('allows the intended directions', async () => {
    expect(await ruleIds('renderer/Good.ts', "import { formatMoney } from '../shared/money';\nexport const x = formatMoney;\n")).toEqual([]);
    expect(await ruleIds('main/good.ts', "import fs from 'node:fs';\nimport { formatMoney } from '../shared/money';\nexport const x = [fs, formatMoney];\n")).toEqual([]);
  });

  it('forbids any', async () => {
    expect(await ruleIds('main/anyUse.ts', 'export const x = (v: any) => v;\n')).toContain('@typescript-eslint/no-explicit-any');
  });
});
