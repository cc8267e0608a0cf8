import type { Device } from 'node-hid';

/**
 * The slice of node-hid the scanner uses, in node-hid's own shapes (`devicesAsync()`, an opened
 * device that emits `data` Buffers and `error`s and closes asynchronously). The real adapter is
 * `loadNodeHidBackend`; tests drive the device manager through a fake with this interface.
 */
export type HidDeviceEntry = Device;

export interface HidHandle {
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  close(): Promise<void> | void;
}

export interface HidBackend {
  devicesAsync(): Promise<HidDeviceEntry[]>;
  /** `nonExclusive` lets macOS share a keyboard-mode scanner (after the Input Monitoring prompt). */
  open(path: string, options: { readonly nonExclusive: boolean }): Promise<HidHandle>;
}
