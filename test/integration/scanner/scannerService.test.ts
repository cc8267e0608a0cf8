import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppStatus } from '../../../shared/contract/app';
import type { ScanEvent } from '../../../shared/scanner/scanEvent';
import { DEFAULT_WEDGE_SETTINGS } from '../../../shared/scanner/wedgeDetector';
import { deviceId } from '../../../main/scanner/deviceIdentity';
import { createServices, type Services } from '../../../main/services';
import { aimReport, typedDigits } from '../../unit/scanner/hidReportFixtures';
import { FakeHidBackend, HONEYWELL_HID_POS, KEYBOARD_SCANNER, settle } from './fakeHid';

// The composition root with a fake HID backend (no virtual HID device can be created here):
// contract methods in, `scan` and `status` events out, as every host sees them.

const open: Services[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const services of open.splice(0)) await services.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-scanner-'));
  dirs.push(dir);
  return dir;
}

async function start(backend: FakeHidBackend, dataDir = tempDataDir()) {
  const services = await createServices({ dataDir, version: 'test', host: 'browser', logToStderr: false, scannerBackend: async () => backend });
  open.push(services);
  const scans: ScanEvent[] = [];
  const statuses: AppStatus[] = [];
  services.events.on('scan', (scan) => void scans.push(scan));
  services.events.on('status', (status) => void statuses.push(status));
  await settle();
  return { services, scans, statuses, dataDir };
}

describe('scanner service through the contract', () => {
  it('selects a device, reports its status and emits its scans as `scan` events', async () => {
    const backend = new FakeHidBackend();
    backend.plug(HONEYWELL_HID_POS);
    const { services, scans, statuses } = await start(backend);

    const listed = await services.dispatch('scanner.listDevices', {});
    expect(listed).toMatchObject({ ok: true, value: [{ id: deviceId(HONEYWELL_HID_POS), kind: 'hid-pos' }] });
    const selected = await services.dispatch('scanner.selectDevice', { id: deviceId(HONEYWELL_HID_POS) });
    expect(selected).toMatchObject({ ok: true, value: { state: 'connected', deviceId: deviceId(HONEYWELL_HID_POS), wedge: DEFAULT_WEDGE_SETTINGS } });
    expect(statuses.at(-1)?.scanner).toEqual({ state: 'connected', deviceName: 'Voyager 1470g HID POS', hint: null });

    backend.current().send(aimReport(']E0', '8992761002015'));
    expect(scans).toHaveLength(1);
    expect(scans[0]).toMatchObject({ code: '8992761002015', symbology: ']E0', source: 'hid-pos' });
    expect(scans[0]?.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  });

  it('remembers the choice in the `scannerDevice` setting and reconnects to it after a restart', async () => {
    const backend = new FakeHidBackend();
    backend.plug(HONEYWELL_HID_POS);
    const first = await start(backend);
    await first.services.dispatch('scanner.selectDevice', { id: deviceId(HONEYWELL_HID_POS) });
    expect(await first.services.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { scannerDevice: deviceId(HONEYWELL_HID_POS) } });
    await first.services.close();

    const second = await start(backend, first.dataDir);
    expect(await second.services.dispatch('scanner.state', {})).toMatchObject({ ok: true, value: { state: 'connected', deviceId: deviceId(HONEYWELL_HID_POS) } });
    backend.current().send(aimReport(']E0', '8992761002015'));
    expect(second.scans.map((s) => s.code)).toEqual(['8992761002015']);
  });

  it('follows a device chosen through settings.update, and "no device" too', async () => {
    const backend = new FakeHidBackend();
    backend.plug(HONEYWELL_HID_POS);
    const { services } = await start(backend);
    expect(await services.dispatch('settings.update', { scannerDevice: deviceId(HONEYWELL_HID_POS) })).toMatchObject({ ok: true });
    await settle();
    expect(await services.dispatch('scanner.state', {})).toMatchObject({ ok: true, value: { state: 'connected' } });
    const device = backend.current();
    await services.dispatch('settings.update', { scannerDevice: null });
    await settle();
    expect(device.closed).toBe(true);
    expect(await services.dispatch('scanner.state', {})).toMatchObject({ ok: true, value: { state: 'none', deviceId: null } });
  });

  it('puts wedge scans from the renderer on the same stream', async () => {
    const { services, scans } = await start(new FakeHidBackend());
    const at = '2026-11-22T17:30:00.000+07:00';
    expect(await services.dispatch('scanner.reportWedgeScan', { code: '8992761002015', at })).toEqual({ ok: true, value: { emitted: true } });
    expect(scans).toEqual([{ code: '8992761002015', symbology: null, source: 'wedge', at }]);
  });

  it('drops the wedge copy of a scan the keyboard-mode scanner just delivered over HID', async () => {
    const backend = new FakeHidBackend();
    backend.plug(KEYBOARD_SCANNER);
    const { services, scans } = await start(backend);
    await services.dispatch('scanner.selectDevice', { id: deviceId(KEYBOARD_SCANNER) });
    for (const report of typedDigits('8992761002015')) backend.current().send(report);
    const echo = await services.dispatch('scanner.reportWedgeScan', { code: '8992761002015', at: new Date().toISOString() });
    expect(echo).toEqual({ ok: true, value: { emitted: false } });
    const other = await services.dispatch('scanner.reportWedgeScan', { code: '4006381333931', at: new Date().toISOString() });
    expect(other).toEqual({ ok: true, value: { emitted: true } });
    expect(scans.map((s) => `${s.source}:${s.code}`)).toEqual(['hid-keyboard:8992761002015', 'wedge:4006381333931']);
  });

  it('validates wedge scans and wedge settings at the door', async () => {
    const { services } = await start(new FakeHidBackend());
    expect(await services.dispatch('scanner.reportWedgeScan', { code: '', at: new Date().toISOString() })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await services.dispatch('scanner.reportWedgeScan', { code: '123', at: '2026-11-22 17:30' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await services.dispatch('scanner.setWedgeSettings', { ...DEFAULT_WEDGE_SETTINGS, maxGapMs: 1 })).toMatchObject({ ok: false, error: { code: 'validation' } });

    const next = { ...DEFAULT_WEDGE_SETTINGS, minLength: 8 };
    expect(await services.dispatch('scanner.setWedgeSettings', next)).toMatchObject({ ok: true, value: { wedge: next } });
    expect(await services.dispatch('scanner.state', {})).toMatchObject({ ok: true, value: { wedge: next } });
  });
});
