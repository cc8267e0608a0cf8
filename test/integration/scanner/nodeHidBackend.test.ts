import { describe, expect, it } from 'vitest';
import { loadNodeHidBackend } from '../../../main/scanner/nodeHidBackend';
import { describeDevice } from '../../../main/scanner/deviceIdentity';

// The real node-hid native module. These machines have no HID devices (often no /dev/hidraw* at
// all), so the listing is usually empty; what matters is that the module loads, enumerates and
// that every entry it returns is one the app can describe.

describe('node-hid backend', () => {
  it('loads the native module and lists devices as well-formed entries', async () => {
    const backend = await loadNodeHidBackend();
    const entries = await backend.devicesAsync();
    expect(Array.isArray(entries)).toBe(true);
    for (const entry of entries) {
      expect(Number.isInteger(entry.vendorId)).toBe(true);
      expect(Number.isInteger(entry.productId)).toBe(true);
      expect(typeof entry.interface).toBe('number');
      const device = describeDevice(entry, null);
      if (device) {
        expect(device.id).toMatch(/^hid:[0-9a-f]{4}:[0-9a-f]{4}:[0-9a-f]{4}:[0-9a-f]{4}:-?\d+:/);
        expect(device.name.length).toBeGreaterThan(0);
      }
    }
  });

  it('fails to open a path that does not exist with an error, not a crash', async () => {
    const backend = await loadNodeHidBackend('linux');
    await expect(backend.open('/dev/hidraw-does-not-exist', { nonExclusive: false })).rejects.toBeInstanceOf(Error);
  });
});
