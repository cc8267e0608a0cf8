import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../../shared/errors';
import { createDispatcher } from '../../../main/ipc/dispatcher';
import { createLogger } from '../../../main/logging/logger';
import type { ContractHandlers } from '../../../shared/contract';

function setup(overrides: Partial<ContractHandlers> = {}) {
  const lines: string[] = [];
  const logger = createLogger((line) => lines.push(line));
  const base = {
    'app.info': async () => ({ name: 'DealPOS Counter', version: '1.2.3', mode: 'setup' as const, dataDir: '/tmp/x', host: 'browser' as const }),
  };
  // Only the methods under test are needed; the dispatcher looks handlers up by name.
  const handlers = { ...base, ...overrides } as unknown as ContractHandlers;
  return { dispatch: createDispatcher(handlers, logger), lines };
}

describe('dispatcher', () => {
  it('answers a valid call with the service value', async () => {
    const { dispatch } = setup();
    await expect(dispatch('app.info', {})).resolves.toMatchObject({ ok: true, value: { version: '1.2.3' } });
  });

  it('refuses an unknown method with a typed error', async () => {
    const { dispatch } = setup();
    await expect(dispatch('app.selfDestruct', {})).resolves.toEqual({
      ok: false,
      error: { code: 'unknown_method', message: 'Unknown method "app.selfDestruct"' },
    });
  });

  it('names the offending field when input is invalid', async () => {
    const { dispatch } = setup();
    const result = await dispatch('app.info', { surprise: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('validation');
    expect(result.error.message).toContain('app.info');
    expect(result.error.message).toContain('surprise');
  });

  it('keeps a service error code and hides unexpected failures behind internal', async () => {
    const typed = setup({ 'app.info': async () => { throw new ServiceError('not_configured', 'Connect to DealPOS first'); } });
    await expect(typed.dispatch('app.info', {})).resolves.toEqual({ ok: false, error: { code: 'not_configured', message: 'Connect to DealPOS first' } });

    const crash = setup({ 'app.info': async () => { throw new TypeError('boom at line 3'); } });
    const result = await crash.dispatch('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('boom');
    expect(crash.lines.join('\n')).toContain('boom at line 3');
  });
});
