import { describe, expect, it } from 'vitest';
import { UDEV_RULE_FILE, classifyOpenFailure } from '../../../main/scanner/openFailure';

const denied = Object.assign(new Error('Permission denied opening /dev/hidraw3'), { code: 'EACCES' });
const busy = new Error('cannot open device with path /dev/hidraw3');

describe('classifyOpenFailure', () => {
  it('sends the fix for each OS as a typed hint with its facts, not prose', () => {
    expect(classifyOpenFailure(denied, 'linux', 'hid-pos')).toEqual({
      state: 'permission_denied',
      hint: { code: 'linux_permission', udevRuleFile: UDEV_RULE_FILE },
    });
    expect(classifyOpenFailure(busy, 'darwin', 'hid-keyboard')).toEqual({ state: 'permission_denied', hint: { code: 'macos_input_monitoring' } });
    expect(classifyOpenFailure(busy, 'win32', 'hid-keyboard')).toEqual({ state: 'permission_denied', hint: { code: 'windows_keyboard_mode' } });
  });

  it('passes any other failure on with the OS message as data', () => {
    expect(classifyOpenFailure(busy, 'linux', 'hid-pos')).toEqual({ state: 'error', hint: { code: 'open_failed', detail: busy.message } });
    expect(classifyOpenFailure('device gone', 'win32', 'hid-pos')).toEqual({ state: 'error', hint: { code: 'open_failed', detail: 'device gone' } });
  });
});
