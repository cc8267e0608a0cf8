import { describe, expect, it } from 'vitest';
import type { ScannerState } from '../../../shared/contract/app';
import type { ScannerHint } from '../../../shared/contract/scanner';
import { ServiceError } from '../../../shared/errors';
import type { ScanEvent } from '../../../shared/scanner/scanEvent';
import { deviceId } from '../../../main/scanner/deviceIdentity';
import { ScannerDeviceManager, type DeviceChoice } from '../../../main/scanner/scannerDeviceManager';
import { CAPTURED_UPC, ZEBRA_05E0_2100_UPC_HEX, aimReport, fromHex, keys, newlandReport, typedDigits } from '../../unit/scanner/hidReportFixtures';
import { FakeClock, FakeHidBackend, HONEYWELL_HID_POS, KEYBOARD_SCANNER, MOUSE, memoryDeviceChoiceStore, memoryLogger, settle } from './fakeHid';

// No virtual HID device can be created on these machines, so the manager runs against a fake
// backend with node-hid's interface (see fakeHid.ts); the real adapter has its own test.

const POLL_MS = 2000;

function setup(options: { platform?: NodeJS.Platform; remembered?: DeviceChoice | null; backendFails?: boolean } = {}) {
  const backend = new FakeHidBackend();
  const clock = new FakeClock();
  const logger = memoryLogger();
  const store = memoryDeviceChoiceStore(options.remembered ?? null);
  const statuses: Array<{ state: ScannerState; deviceName: string | null; hint: ScannerHint | null }> = [];
  const scans: ScanEvent[] = [];
  const manager = new ScannerDeviceManager({
    loadBackend: async () => {
      if (options.backendFails) throw new Error('node-hid: cannot find module HID.node');
      return backend;
    },
    choices: store,
    status: { update: (patch) => void statuses.push(patch.scanner) },
    onScan: (scan) => void scans.push(scan),
    logger,
    clock,
    platform: options.platform ?? 'linux',
    pollIntervalMs: POLL_MS,
  });
  const lastStatus = () => statuses.at(-1);
  return { backend, clock, logger, store, statuses, scans, manager, lastStatus };
}

describe('ScannerDeviceManager', () => {
  it('lists HID devices with their kind, scanners first, and marks the chosen one', async () => {
    const { backend, manager } = setup();
    backend.plug(MOUSE);
    backend.plug(KEYBOARD_SCANNER);
    backend.plug(HONEYWELL_HID_POS);
    await manager.select(deviceId(HONEYWELL_HID_POS));
    const devices = await manager.listDevices();
    expect(devices.map((d) => [d.name, d.kind, d.selected])).toEqual([
      ['Voyager 1470g HID POS', 'hid-pos', true],
      ['Symbol Bar Code Scanner', 'hid-keyboard', false],
      ['USB Optical Mouse', 'other', false],
    ]);
    expect(devices[0]).toMatchObject({ vendorId: 0x0c2e, productId: 0x0b87, usagePage: 0x8c, usage: 0x02, path: '/dev/hidraw3', serialNumber: '19010B4F7A' });
  });

  it('opens the chosen HID POS scanner, remembers it, and turns its reports into scan events', async () => {
    const { backend, manager, store, scans, lastStatus } = setup();
    backend.plug(HONEYWELL_HID_POS);
    const view = await manager.select(deviceId(HONEYWELL_HID_POS));
    expect(view).toMatchObject({ state: 'connected', deviceName: 'Voyager 1470g HID POS', hint: null });
    expect(lastStatus()).toEqual({ state: 'connected', deviceName: 'Voyager 1470g HID POS', hint: null });
    expect(store.load()).toEqual({ id: deviceId(HONEYWELL_HID_POS), name: 'Voyager 1470g HID POS' });

    backend.current().send(aimReport(']E0', '8992761002015'));
    expect(scans).toEqual([{ code: '8992761002015', symbology: ']E0', source: 'hid-pos', at: '2026-11-22T10:00:00.000Z' }]);
  });

  it('goes to disconnected on unplug and reconnects by itself on replug, even under a new path', async () => {
    const { backend, clock, manager, scans, lastStatus } = setup();
    backend.plug(HONEYWELL_HID_POS);
    await manager.select(deviceId(HONEYWELL_HID_POS));
    const first = backend.current();

    backend.unplug(HONEYWELL_HID_POS.path ?? '');
    await settle();
    expect(lastStatus()?.state).toBe('disconnected');
    expect(lastStatus()?.hint).toEqual({ code: 'unplugged' });
    expect(first.closed).toBe(true);

    await clock.advance(POLL_MS);
    expect(lastStatus()?.state).toBe('disconnected');

    backend.plug({ ...HONEYWELL_HID_POS, path: '/dev/hidraw7' });
    await clock.advance(POLL_MS);
    expect(lastStatus()?.state).toBe('connected');
    expect(backend.openCalls.at(-1)?.path).toBe('/dev/hidraw7');

    backend.current().send(aimReport(']E0', '4006381333931'));
    expect(scans.map((s) => s.code)).toEqual(['4006381333931']);
    expect(clock.pending()).toBe(0);
  });

  it('reports permission_denied with the udev fix on Linux, and connects once access is granted', async () => {
    const { backend, clock, manager, lastStatus } = setup({ platform: 'linux' });
    backend.plug(HONEYWELL_HID_POS);
    backend.refused.add(HONEYWELL_HID_POS.path ?? '');
    const view = await manager.select(deviceId(HONEYWELL_HID_POS));
    expect(view.state).toBe('permission_denied');
    expect(view.hint).toEqual({ code: 'linux_permission', udevRuleFile: '70-dealpos-counter-scanners.rules' });

    backend.refused.clear();
    await clock.advance(POLL_MS);
    expect(lastStatus()?.state).toBe('connected');
  });

  it('opens keyboard-mode scanners non-exclusively on macOS and points at Input Monitoring when refused', async () => {
    const { backend, manager } = setup({ platform: 'darwin' });
    backend.plug(KEYBOARD_SCANNER);
    backend.refused.add(KEYBOARD_SCANNER.path ?? '');
    const view = await manager.select(deviceId(KEYBOARD_SCANNER));
    expect(backend.openCalls.at(-1)).toEqual({ path: KEYBOARD_SCANNER.path, nonExclusive: true });
    expect(view.state).toBe('permission_denied');
    expect(view.hint).toEqual({ code: 'macos_input_monitoring' });
  });

  it('points at HID POS mode on Windows when a keyboard-mode scanner cannot be opened', async () => {
    const { backend, manager } = setup({ platform: 'win32' });
    backend.plug(KEYBOARD_SCANNER);
    backend.refused.add(KEYBOARD_SCANNER.path ?? '');
    const view = await manager.select(deviceId(KEYBOARD_SCANNER));
    expect(view.state).toBe('permission_denied');
    expect(view.hint).toEqual({ code: 'windows_keyboard_mode' });
  });

  it('reads a keyboard-mode scanner through boot keyboard reports', async () => {
    const { backend, manager, scans } = setup();
    backend.plug(KEYBOARD_SCANNER);
    await manager.select(deviceId(KEYBOARD_SCANNER));
    for (const report of typedDigits('1100')) backend.current().send(report);
    expect(scans).toEqual([{ code: '1100', symbology: null, source: 'hid-keyboard', at: '2026-11-22T10:00:00.000Z' }]);
  });

  it('restores the remembered device on start, waiting for it if it is not plugged in yet', async () => {
    const { backend, clock, manager, lastStatus } = setup({ remembered: { id: deviceId(HONEYWELL_HID_POS), name: null } });
    await manager.start();
    expect(lastStatus()).toEqual({ state: 'disconnected', deviceName: null, hint: { code: 'device_missing' } });
    backend.plug(HONEYWELL_HID_POS);
    await clock.advance(POLL_MS);
    expect(lastStatus()).toEqual({ state: 'connected', deviceName: 'Voyager 1470g HID POS', hint: null });
  });

  it('refuses unknown and unsupported devices with typed errors', async () => {
    const { backend, manager } = setup();
    backend.plug(MOUSE);
    await expect(manager.select('hid:dead:beef:0000:0000:0:')).rejects.toMatchObject({ code: 'device_not_found' });
    const error = await manager.select(deviceId(MOUSE)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ code: 'device_unsupported' });
  });

  it('closes the device and forgets it when "no device" is chosen', async () => {
    const { backend, manager, store, lastStatus } = setup();
    backend.plug(HONEYWELL_HID_POS);
    await manager.select(deviceId(HONEYWELL_HID_POS));
    const device = backend.current();
    await manager.select(null);
    expect(device.closed).toBe(true);
    expect(store.load()).toBeNull();
    expect(lastStatus()).toEqual({ state: 'none', deviceName: null, hint: null });
  });

  it('survives reports it does not understand, logging each reason once', async () => {
    const { backend, manager, scans, logger } = setup();
    backend.plug(HONEYWELL_HID_POS);
    await manager.select(deviceId(HONEYWELL_HID_POS));
    for (let i = 0; i < 3; i++) backend.current().send(keys(0, 4));
    backend.current().send(aimReport(']E0', '8992761002015'));
    expect(scans.map((s) => s.code)).toEqual(['8992761002015']);
    expect(logger.lines.filter((l) => l.includes('wrong_length'))).toHaveLength(1);
  });

  it('says so in the status when the device only sends reports in a foreign layout, and recovers on a good scan', async () => {
    const { backend, manager, lastStatus } = setup();
    const zebra = { ...HONEYWELL_HID_POS, vendorId: 0x05e0, productId: 0x1300, product: 'Zebra HID POS' };
    backend.plug(zebra);
    await manager.select(deviceId(zebra));
    const foreign = new Uint8Array(64);
    foreign[0] = 0x02;
    foreign[1] = 13;
    foreign.set(Buffer.from('8992761002015'), 2); // data where the AIM identifier belongs
    backend.current().send(foreign);
    backend.current().send(foreign);
    expect(lastStatus()?.state).toBe('connected');
    backend.current().send(foreign);
    expect(lastStatus()).toMatchObject({ state: 'error', deviceName: 'Zebra HID POS' });
    expect(lastStatus()?.hint).toEqual({ code: 'foreign_layout' });

    backend.current().send(aimReport(']E0', '8992761002015'));
    expect(lastStatus()).toEqual({ state: 'connected', deviceName: 'Zebra HID POS', hint: null });
  });

  it('reads a Zebra/Symbol HID POS scanner (real capture bytes) without calling its layout foreign', async () => {
    const { backend, manager, scans, lastStatus } = setup();
    const zebra = { ...HONEYWELL_HID_POS, vendorId: 0x05e0, productId: 0x2100, product: 'Symbol Bar Code Scanner' };
    backend.plug(zebra);
    await manager.select(deviceId(zebra));
    for (let i = 0; i < 3; i++) backend.current().send(fromHex(ZEBRA_05E0_2100_UPC_HEX));
    expect(scans.map((s) => [s.code, s.symbology])).toEqual([[CAPTURED_UPC, ']Xg'], [CAPTURED_UPC, ']Xg'], [CAPTURED_UPC, ']Xg']]);
    expect(lastStatus()).toEqual({ state: 'connected', deviceName: 'Symbol Bar Code Scanner', hint: null });
    const [listed] = await manager.listDevices();
    expect(listed).toMatchObject({ vendorId: 0x05e0, productId: 0x2100, usagePage: 0x8c, reading: { layout: 'zebra', scans: 3, refusedReports: 0, lastRefusal: null } });
  });

  it('lists why a device is not understood: the reason of its last refused report, and no layout', async () => {
    const { backend, manager } = setup();
    const other = { ...HONEYWELL_HID_POS, vendorId: 0x1a86, productId: 0xe026, product: 'Generic HID POS' };
    backend.plug(other);
    backend.plug(KEYBOARD_SCANNER);
    await manager.select(deviceId(other));
    backend.current().send(newlandReport('8992761111018'));
    const devices = await manager.listDevices();
    expect(devices.map((d) => [d.name, d.reading.layout, d.reading.refusedReports, d.reading.lastRefusal])).toEqual([
      ['Generic HID POS', null, 1, 'unknown_layout'],
      ['Symbol Bar Code Scanner', null, 0, null],
    ]);
  });

  it('reads an AIM-layout report from a Newland-vendor device without the AIM identifier in the code', async () => {
    const { backend, manager, scans } = setup();
    const newland = { ...HONEYWELL_HID_POS, vendorId: 0x1eab, productId: 0x1a03, product: 'Newland HID POS' };
    backend.plug(newland);
    await manager.select(deviceId(newland));
    backend.current().send(aimReport(']E0', '8992761111018'));
    expect(scans.map((s) => [s.code, s.symbology])).toEqual([['8992761111018', ']E0']]);
  });

  it('says HID reading is unavailable when the native module cannot load', async () => {
    const { manager, lastStatus } = setup({ remembered: { id: deviceId(HONEYWELL_HID_POS), name: 'Voyager 1470g HID POS' }, backendFails: true });
    await manager.start();
    expect(lastStatus()).toEqual({ state: 'error', deviceName: 'Voyager 1470g HID POS', hint: { code: 'hid_unavailable' } });
  });

  it('stops looking for the device after close', async () => {
    const { backend, clock, manager } = setup();
    backend.plug(HONEYWELL_HID_POS);
    await manager.select(deviceId(HONEYWELL_HID_POS));
    backend.unplug(HONEYWELL_HID_POS.path ?? '');
    await settle();
    await manager.close();
    const calls = backend.openCalls.length;
    backend.plug(HONEYWELL_HID_POS);
    await clock.advance(POLL_MS * 3);
    expect(backend.openCalls.length).toBe(calls);
  });
});
