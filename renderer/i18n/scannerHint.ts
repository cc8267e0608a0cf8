import type { ScannerHint } from '../../shared/contract/scanner';
import type { Translate } from './t';

/** Words main's typed scanner hint in the UI language; the key per code is compile-checked. */
export function scannerHintText(hint: ScannerHint, t: Translate): string {
  switch (hint.code) {
    case 'linux_permission':
      return t('scanner.hint.linux_permission', { ruleFile: hint.udevRuleFile });
    case 'open_failed':
      return t('scanner.hint.open_failed', { detail: hint.detail });
    default:
      return t(`scanner.hint.${hint.code}`);
  }
}
