import type { ScannerState } from '../../shared/contract/app';
import type { ScannerDevice, ScannerDeviceReading, ScannerHint } from '../../shared/contract/scanner';
import { ServiceError } from '../../shared/errors';
import type { ScanEvent } from '../../shared/scanner/scanEvent';
import type { Logger } from '../logging/logger';
import { BootKeyboardDecoder } from './bootKeyboardDecoder';
import { NOTHING_READ, describeDevice } from './deviceIdentity';
import type { HidBackend, HidHandle } from './hidBackend';
import { HidPosDecoder } from './hidPosDecoder';
import { classifyOpenFailure } from './openFailure';
import type { DecodeFailure, DecodeOutcome, ReportDecoder } from './scanDecodeError';
import type { ScannerClock } from './scannerClock';

/** The remembered device: its stable id, and its name for status while it is unplugged. */
export interface DeviceChoice {
  readonly id: string;
  readonly name: string | null;
}

/** Where the choice survives restarts (the `scannerDevice` setting). */
export interface DeviceChoiceStore {
  load(): DeviceChoice | null;
  save(choice: DeviceChoice | null): void;
}

export interface ScannerStatusSink {
  update(patch: { readonly scanner: { readonly state: ScannerState; readonly deviceName: string | null; readonly hint: ScannerHint | null } }): void;
}

export interface ScannerDeviceManagerOptions {
  /** Loads the HID backend on first use (node-hid in the app, a fake in tests). */
  readonly loadBackend: () => Promise<HidBackend>;
  readonly choices: DeviceChoiceStore;
  readonly status: ScannerStatusSink;
  readonly onScan: (scan: ScanEvent) => void;
  readonly logger: Logger;
  readonly clock: ScannerClock;
  readonly platform: NodeJS.Platform;
  /**
   * How often to look for the chosen device while it is missing or refused (ms). Enumeration is a
   * USB bus walk, so this stays in seconds and stops as soon as the device is open.
   */
  readonly pollIntervalMs?: number;
}

export interface DeviceManagerView {
  readonly state: ScannerState;
  readonly deviceId: string | null;
  readonly deviceName: string | null;
  readonly hint: ScannerHint | null;
}

interface Connection {
  readonly handle: HidHandle;
  readonly device: ScannerDevice;
  readonly decoder: ReportDecoder;
  /** Each rejection reason is logged once per connection so a chatty device cannot flood the log. */
  readonly loggedReasons: Set<DecodeFailure>;
  scans: number;
  layoutRejections: number;
}

const NEWLAND_VENDOR_ID = 0x1eab;
/** Rejections that mean the report layout itself is foreign (not a stray status report or a lost key). */
const LAYOUT_FAILURES: ReadonlySet<DecodeFailure> = new Set(['wrong_length', 'unknown_layout', 'bad_data_length', 'bad_symbology']);
/** This many foreign reports before any scan means the device speaks another layout. */
const LAYOUT_REJECTIONS_BEFORE_ERROR = 3;

function makeDecoder(device: ScannerDevice): ReportDecoder {
  // The layout is read from each report's bytes; only a Newland may send reports with no AIM identifier.
  if (device.kind === 'hid-pos') return new HidPosDecoder({ acceptsNewlandLayout: device.vendorId === NEWLAND_VENDOR_ID });
  return new BootKeyboardDecoder({ reportId: 'auto' });
}

/**
 * Owns the chosen HID scanner: remembers the choice, opens the device, decodes its reports into
 * scans, reports state to the status bar, and after an unplug (or a refused open) keeps looking
 * for the device until it can be opened again.
 */
export class ScannerDeviceManager {
  private readonly pollIntervalMs: number;
  private backend: Promise<HidBackend> | null = null;
  private choice: DeviceChoice | null = null;
  private connection: Connection | null = null;
  /** Bumped by every select/close; an attempt that finds it changed abandons its result. */
  private generation = 0;
  private cancelPoll: (() => void) | null = null;
  private current: DeviceManagerView = { state: 'none', deviceId: null, deviceName: null, hint: null };
  /** What each device's reports turned into this session, by device id, for Settings. */
  private readonly readings = new Map<string, ScannerDeviceReading>();

  constructor(private readonly options: ScannerDeviceManagerOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 2000;
  }

  /**
   * (Re)reads the remembered device from the store and switches to it; called at startup and when
   * the session (and with it the settings) changes. Resolves after the first connection attempt.
   */
  async start(): Promise<void> {
    const choice = this.options.choices.load();
    if ((choice?.id ?? null) === this.chosenId() && this.connection) return;
    await this.adopt(choice);
  }

  view(): DeviceManagerView {
    return this.current;
  }

  async listDevices(): Promise<ScannerDevice[]> {
    const backend = await this.getBackend();
    const entries = await backend.devicesAsync().catch((error: unknown) => {
      throw new ServiceError('device_io', 'Listing HID devices failed', { cause: error });
    });
    const order = { 'hid-pos': 0, 'hid-keyboard': 1, other: 2 } as const;
    return entries
      .map((entry) => describeDevice(entry, this.choice?.id ?? null, this.readings))
      .filter((device): device is ScannerDevice => device !== null)
      .sort((a, b) => order[a.kind] - order[b.kind] || a.name.localeCompare(b.name));
  }

  /** Chooses a listed device (or none: keyboard-wedge scanning only), remembers it and connects. */
  async select(id: string | null): Promise<DeviceManagerView> {
    if (id === null) return this.adoptAndSave(null);
    const device = (await this.listDevices()).find((d) => d.id === id);
    if (!device) throw new ServiceError('device_not_found', 'That device is not connected any more; plug it in and list the devices again', { details: { id } });
    if (device.kind === 'other') {
      throw new ServiceError('device_unsupported', `${device.name} is neither a HID POS scanner nor a keyboard-mode scanner`, { details: { id } });
    }
    return this.adoptAndSave({ id, name: device.name });
  }

  /** The chosen device's id, updated as soon as a switch starts. */
  chosenId(): string | null {
    return this.choice?.id ?? null;
  }

  /** Switches to a choice already stored elsewhere (no check that it is plugged in: it is polled for). */
  async adopt(choice: DeviceChoice | null): Promise<DeviceManagerView> {
    const generation = ++this.generation;
    // Set before the first await, so a store listener that fires on save sees the new choice.
    this.choice = choice;
    await this.disconnect();
    if (!choice) {
      this.setState('none', null, null);
      return this.current;
    }
    this.setState('connecting', choice.name, null);
    await this.connect(generation);
    return this.current;
  }

  private adoptAndSave(choice: DeviceChoice | null): Promise<DeviceManagerView> {
    const adopted = this.adopt(choice);
    this.options.choices.save(choice);
    return adopted;
  }

  async close(): Promise<void> {
    this.generation++;
    await this.disconnect();
  }

  private getBackend(): Promise<HidBackend> {
    this.backend ??= this.options.loadBackend().catch((error: unknown) => {
      // Keep the rejection cached: a native module that failed to load will not load on a retry.
      throw error instanceof ServiceError ? error : new ServiceError('device_io', 'The HID library could not be loaded', { cause: error });
    });
    return this.backend;
  }

  private async connect(generation: number): Promise<void> {
    const choice = this.choice;
    if (!choice || generation !== this.generation) return;
    let backend: HidBackend;
    try {
      backend = await this.getBackend();
    } catch (error) {
      this.options.logger.error('Scanner: HID backend unavailable', error);
      this.setState('error', choice.name, { code: 'hid_unavailable' });
      return;
    }

    let device: ScannerDevice | undefined;
    try {
      device = (await backend.devicesAsync()).map((entry) => describeDevice(entry, choice.id)).find((d) => d?.id === choice.id) ?? undefined;
    } catch (error) {
      this.options.logger.warn('Scanner: listing HID devices failed', error);
    }
    if (generation !== this.generation) return;
    if (!device) {
      // Keep an earlier, more specific state (unplugged, refused) while the device is away.
      if (this.current.state === 'connecting' || this.current.state === 'connected') this.setState('disconnected', choice.name, { code: 'device_missing' });
      this.schedulePoll(generation);
      return;
    }

    let handle: HidHandle;
    try {
      handle = await backend.open(device.path, { nonExclusive: this.options.platform === 'darwin' && device.kind === 'hid-keyboard' });
    } catch (error) {
      if (generation !== this.generation) return;
      const failure = classifyOpenFailure(error, this.options.platform, device.kind);
      if (this.current.state !== failure.state) this.options.logger.warn(`Scanner: opening ${device.name} failed (${failure.state})`, error);
      this.setState(failure.state, device.name, failure.hint);
      this.schedulePoll(generation);
      return;
    }
    if (generation !== this.generation) {
      await this.closeHandle(handle, device);
      return;
    }

    const connection: Connection = { handle, device, decoder: makeDecoder(device), loggedReasons: new Set(), scans: 0, layoutRejections: 0 };
    this.connection = connection;
    handle.on('error', (error) => void this.onDeviceError(connection, error));
    // node-hid starts reading once a data listener exists.
    handle.on('data', (data) => this.onReport(connection, data));
    this.options.logger.info(`Scanner: connected to ${device.name} (${device.kind})`);
    this.setState('connected', device.name, null);
  }

  private onReport(connection: Connection, data: Uint8Array): void {
    if (connection !== this.connection) return;
    const source = connection.device.kind === 'hid-pos' ? 'hid-pos' : 'hid-keyboard';
    const outcomes = connection.decoder.push(data, this.options.clock.now());
    this.noteReading(connection, outcomes);
    for (const outcome of outcomes) {
      if (outcome.kind === 'scan') {
        connection.scans++;
        if (this.current.state === 'error') this.setState('connected', connection.device.name, null);
        this.options.onScan({ code: outcome.code, symbology: outcome.symbology, source, at: this.options.clock.iso() });
        continue;
      }
      const reason = outcome.error.reason;
      if (!connection.loggedReasons.has(reason)) {
        connection.loggedReasons.add(reason);
        this.options.logger.warn(`Scanner: ${connection.device.name} sent a report that was not understood (${reason}); further ones are not logged`, outcome.error.details);
      }
      if (LAYOUT_FAILURES.has(reason) && connection.scans === 0 && ++connection.layoutRejections === LAYOUT_REJECTIONS_BEFORE_ERROR) {
        this.setState('error', connection.device.name, { code: 'foreign_layout' });
      }
    }
  }

  private noteReading(connection: Connection, outcomes: readonly DecodeOutcome[]): void {
    const before = this.readings.get(connection.device.id) ?? NOTHING_READ;
    let { scans, refusedReports, lastRefusal } = before;
    for (const outcome of outcomes) {
      if (outcome.kind === 'scan') scans++;
      else {
        refusedReports++;
        lastRefusal = outcome.error.reason;
      }
    }
    this.readings.set(connection.device.id, { layout: connection.decoder.detectedLayout() ?? before.layout, scans, refusedReports, lastRefusal });
  }

  private async onDeviceError(connection: Connection, error: unknown): Promise<void> {
    if (connection !== this.connection) return;
    this.connection = null;
    this.options.logger.warn(`Scanner: ${connection.device.name} went away`, error);
    this.setState('disconnected', connection.device.name, { code: 'unplugged' });
    this.schedulePoll(this.generation);
    await this.closeHandle(connection.handle, connection.device);
  }

  private schedulePoll(generation: number): void {
    this.cancelPoll?.();
    this.cancelPoll = this.options.clock.schedule(() => {
      this.cancelPoll = null;
      void this.connect(generation);
    }, this.pollIntervalMs);
  }

  private async disconnect(): Promise<void> {
    this.cancelPoll?.();
    this.cancelPoll = null;
    const connection = this.connection;
    this.connection = null;
    if (connection) await this.closeHandle(connection.handle, connection.device);
  }

  private async closeHandle(handle: HidHandle, device: ScannerDevice): Promise<void> {
    try {
      await handle.close();
    } catch (error) {
      // Closing a device that was just unplugged fails on some platforms; it is gone either way.
      this.options.logger.warn(`Scanner: closing ${device.name} failed`, error);
    }
  }

  private setState(state: ScannerState, deviceName: string | null, hint: ScannerHint | null): void {
    this.current = { state, deviceId: this.choice?.id ?? null, deviceName, hint };
    this.options.status.update({ scanner: { state, deviceName, hint } });
  }
}
