import { describe, expect, it } from 'vitest';
import { buildPosBridge, createPosClient, EVENT_NAMES, METHOD_NAMES, type Invoke } from '../../../shared/contract/bridge';
import { contract, contractEvents } from '../../../shared/contract';
import { PosError } from '../../../shared/errors';

describe('contract table', () => {
  it('names every method namespace.method with exactly one dot', () => {
    for (const name of METHOD_NAMES) expect(name).toMatch(/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/);
  });

  it('gives every method a zod input schema that refuses garbage', () => {
    for (const name of METHOD_NAMES) {
      expect(contract[name].input.safeParse('not an object').success, name).toBe(false);
    }
  });

  it('routes by exactly the names the contract defines (the preload and bridge carry names, not schemas)', () => {
    expect([...METHOD_NAMES].sort()).toEqual(Object.keys(contract).sort());
    expect([...EVENT_NAMES].sort()).toEqual(Object.keys(contractEvents).sort());
  });

  it('does not let a namespace collide with the event subscription', () => {
    expect(METHOD_NAMES.some((m) => m.startsWith('on.'))).toBe(false);
    expect(EVENT_NAMES).toContain('status');
  });
});

describe('bridge and client', () => {
  const calls: Array<[string, unknown]> = [];
  const invoke: Invoke = async (method, input) => {
    calls.push([method, input]);
    if (method === 'app.status') return { ok: false, error: { code: 'offline', message: 'No connection' } };
    return { ok: true, value: { echoed: method } };
  };

  it('exposes one function per method, nested by namespace, and nothing else', () => {
    const bridge = buildPosBridge(invoke, () => () => undefined) as unknown as Record<string, Record<string, unknown>>;
    for (const name of METHOD_NAMES) {
      const [ns, short] = name.split('.') as [string, string];
      expect(typeof bridge[ns]?.[short], name).toBe('function');
    }
    const exposed = Object.entries(bridge).flatMap(([ns, fns]) => (typeof fns === 'function' ? [ns] : Object.keys(fns).map((f) => `${ns}.${f}`)));
    expect(exposed.filter((n) => n !== 'on').sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('client unwraps values and throws PosError with the code', async () => {
    const client = createPosClient(buildPosBridge(invoke, () => () => undefined));
    await expect(client.app.info({})).resolves.toEqual({ echoed: 'app.info' });
    const failure = client.app.status({}).catch((e: unknown) => e);
    await expect(failure).resolves.toBeInstanceOf(PosError);
    await expect(failure).resolves.toMatchObject({ code: 'offline', message: 'No connection' });
  });

  it('refuses to subscribe to an event the contract does not list', () => {
    const bridge = buildPosBridge(invoke, () => () => undefined) as unknown as { on: (e: string, l: () => void) => unknown };
    expect(() => bridge.on('nonsense', () => undefined)).toThrow(/Unknown event/);
  });
});
