import { describe, expect, it } from 'vitest';
import type { ScannerHint, ScannerHintCode } from '../../../../shared/contract/scanner';
import { LOCALES } from '../../../../renderer/i18n/defineMessages';
import { scannerHintText } from '../../../../renderer/i18n/scannerHint';
import { translate, type Translate } from '../../../../renderer/i18n/t';

// One sample per code; the mapped type makes a new ScannerHint code a compile error here until it
// has a sample, and the test below then fails until both languages word it.
const SAMPLES: { readonly [C in ScannerHintCode]: Extract<ScannerHint, { code: C }> } = {
  linux_permission: { code: 'linux_permission', udevRuleFile: '70-dealpos-counter-scanners.rules' },
  macos_input_monitoring: { code: 'macos_input_monitoring' },
  windows_keyboard_mode: { code: 'windows_keyboard_mode' },
  open_failed: { code: 'open_failed', detail: 'cannot open device with path /dev/hidraw3' },
  hid_unavailable: { code: 'hid_unavailable' },
  device_missing: { code: 'device_missing' },
  unplugged: { code: 'unplugged' },
  foreign_layout: { code: 'foreign_layout' },
};

const tFor = (locale: (typeof LOCALES)[number]): Translate => (key, params) => translate(locale, key, params);

describe('scannerHintText', () => {
  it('words every hint code in English and Indonesian, with main\'s facts filled in', () => {
    for (const hint of Object.values(SAMPLES)) {
      const texts = LOCALES.map((locale) => scannerHintText(hint, tFor(locale)));
      for (const text of texts) {
        expect(text, hint.code).not.toMatch(/^scanner\./);
        expect(text, hint.code).not.toMatch(/\{\w+\}/);
        expect(text.length, hint.code).toBeGreaterThan(20);
        if (hint.code === 'linux_permission') expect(text).toContain(`/etc/udev/rules.d/`);
        if (hint.code === 'linux_permission') expect(text).toContain(hint.udevRuleFile);
        if (hint.code === 'open_failed') expect(text).toContain(`(${hint.detail})`);
      }
      expect(new Set(texts).size, `${hint.code} is not translated`).toBe(LOCALES.length);
    }
  });

  it('says in English what the app said before hints were typed', () => {
    const en = tFor('en');
    expect(scannerHintText(SAMPLES.linux_permission, en)).toBe(
      'Linux lets only root read this scanner. Install the udev rule (the .deb does it for you): ' +
        'sudo cp "/opt/DealPOS Counter/resources/udev/70-dealpos-counter-scanners.rules" /etc/udev/rules.d/ && ' +
        'sudo udevadm control --reload-rules && sudo udevadm trigger --subsystem-match=hidraw, then unplug and replug the scanner. ' +
        'If your scanner\'s brand is not in the rule, add a line with the vendor ID "lsusb" shows.',
    );
    expect(scannerHintText(SAMPLES.open_failed, en)).toBe(
      'The scanner could not be opened (cannot open device with path /dev/hidraw3). Close other programs that use it (vendor or OPOS tools), then replug it.',
    );
  });

  it('keeps the OS\'s menu path and commands verbatim in Indonesian', () => {
    const id = tFor('id');
    expect(scannerHintText(SAMPLES.macos_input_monitoring, id)).toContain('System Settings → Privacy & Security → Input Monitoring');
    expect(scannerHintText(SAMPLES.linux_permission, id)).toContain('sudo udevadm control --reload-rules && sudo udevadm trigger --subsystem-match=hidraw');
    expect(scannerHintText(SAMPLES.windows_keyboard_mode, id)).toContain('"USB HID POS"');
  });

  it('does not read placeholders inside the OS message', () => {
    const text = scannerHintText({ code: 'open_failed', detail: 'bad {detail} path' }, tFor('en'));
    expect(text).toContain('(bad {detail} path)');
  });
});
