import { EventEmitter } from 'node:events';
import type { HidBackend, HidDeviceEntry, HidHandle } from '../../../main/scanner/hidBackend';
import type { Logger } from '../../../main/logging/logger';
import type { ScannerClock } from '../../../main/scanner/scannerClock';
import type { DeviceChoice, DeviceChoiceStore } from '../../../main/scanner/scannerDeviceManager';

/**
 * A stand-in for node-hid with its interface (`devicesAsync()`, opened devices that emit `data`
 * Buffers and `error`s). No virtual HID device can be created on these test machines (no uhid
 * access, no USB gadget), so plugging, unplugging and permission refusals are simulated here.
 */
export class FakeHidDevice extends EventEmitter implements HidHandle {
  closed = false;

  constructor(readonly path: string) {
    super();
  }

  /** The device sends one input report (report ID in byte 0, as node-hid delivers it). */
  send(report: Uint8Array): void {
    this.emit('data', Buffer.from(report));
  }

  /** What node-hid's read thread emits when the device disappears. */
  unplug(): void {
    this.emit('error', new Error('could not read from HID device'));
  }

  close(): void {
    this.closed = true;
    this.removeAllListeners();
  }
}

export class FakeHidBackend implements HidBackend {
  entries: HidDeviceEntry[] = [];
  readonly opened: FakeHidDevice[] = [];
  readonly openCalls: Array<{ path: string; nonExclusive: boolean }> = [];
  /** Paths whose open fails the way hidraw does without permission. */
  readonly refused = new Set<string>();

  async devicesAsync(): Promise<HidDeviceEntry[]> {
    return this.entries.map((e) => ({ ...e }));
  }

  async open(path: string, options: { readonly nonExclusive: boolean }): Promise<HidHandle> {
    this.openCalls.push({ path, nonExclusive: options.nonExclusive });
    if (!this.entries.some((e) => e.path === path)) throw new Error(`cannot open device with path ${path}`);
    if (this.refused.has(path)) {
      throw Object.assign(new Error(`Permission denied opening ${path}`), { code: 'EACCES' });
    }
    const device = new FakeHidDevice(path);
    this.opened.push(device);
    return device;
  }

  plug(entry: HidDeviceEntry): void {
    this.entries.push(entry);
  }

  unplug(path: string): void {
    this.entries = this.entries.filter((e) => e.path !== path);
    for (const device of this.opened) if (device.path === path && !device.closed) device.unplug();
  }

  /** The most recently opened device that is still open. */
  current(): FakeHidDevice {
    const device = [...this.opened].reverse().find((d) => !d.closed);
    if (!device) throw new Error('no open fake device');
    return device;
  }
}

export const HONEYWELL_HID_POS: HidDeviceEntry = {
  vendorId: 0x0c2e,
  productId: 0x0b87,
  path: '/dev/hidraw3',
  serialNumber: '19010B4F7A',
  manufacturer: 'Honeywell Imaging & Mobility',
  product: 'Voyager 1470g HID POS',
  release: 0x0100,
  interface: 0,
  usagePage: 0x8c,
  usage: 0x02,
};

export const KEYBOARD_SCANNER: HidDeviceEntry = {
  vendorId: 0x05e0,
  productId: 0x1200,
  path: '/dev/hidraw5',
  serialNumber: '',
  manufacturer: 'Symbol Technologies',
  product: 'Symbol Bar Code Scanner',
  release: 0x0100,
  interface: 0,
  usagePage: 0x01,
  usage: 0x06,
};

export const MOUSE: HidDeviceEntry = {
  vendorId: 0x046d,
  productId: 0xc077,
  path: '/dev/hidraw0',
  manufacturer: 'Logitech',
  product: 'USB Optical Mouse',
  release: 0x7200,
  interface: 0,
  usagePage: 0x01,
  usage: 0x02,
};

/** Manual clock: timers run only when the test advances time. */
export class FakeClock implements ScannerClock {
  private time = 0;
  private timers: Array<{ at: number; fn: () => void; cancelled: boolean }> = [];

  now(): number {
    return this.time;
  }

  iso(): string {
    return new Date(Date.UTC(2026, 10, 22, 10, 0, 0) + this.time).toISOString();
  }

  schedule(fn: () => void, ms: number): () => void {
    const timer = { at: this.time + ms, fn, cancelled: false };
    this.timers.push(timer);
    return () => void (timer.cancelled = true);
  }

  pending(): number {
    return this.timers.filter((t) => !t.cancelled).length;
  }

  /** Moves time forward, running due timers, and lets their async work settle. */
  async advance(ms: number): Promise<void> {
    this.time += ms;
    const due = this.timers.filter((t) => !t.cancelled && t.at <= this.time);
    this.timers = this.timers.filter((t) => !due.includes(t));
    for (const timer of due) timer.fn();
    await settle();
  }
}

export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const add = (level: string) => (message: string) => void lines.push(`${level} ${message}`);
  return { lines, info: add('INFO'), warn: add('WARN'), error: add('ERROR'), addSecret: () => undefined };
}

/** The remembered choice without a database (the app keeps it in the `scannerDevice` setting). */
export function memoryDeviceChoiceStore(initial: DeviceChoice | null = null): DeviceChoiceStore {
  let choice = initial;
  return { load: () => choice, save: (next) => void (choice = next) };
}
