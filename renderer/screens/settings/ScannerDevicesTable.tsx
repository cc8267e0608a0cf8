import type { ScannerDevice } from '../../../shared/contract/scanner';
import type { Translate } from '../../i18n/t';

const hex4 = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0');

/** Why the app does or does not understand a device, in words a manager can act on. */
function readingText(device: ScannerDevice, t: Translate): string {
  const { reading } = device;
  if (reading.layout !== null) return t(`settings.scanner.layout.${reading.layout}`);
  if (reading.lastRefusal !== null) return t('settings.scanner.reading.refused', { reason: reading.lastRefusal });
  if (device.kind === 'other') return t('settings.scanner.reading.notScanner');
  return device.selected ? t('settings.scanner.reading.waiting') : t('settings.scanner.reading.notChosen');
}

/** Every HID device seen: usage page, vendor, product and the layout its reports were read in. */
export function ScannerDevicesTable({ devices, t }: { readonly devices: readonly ScannerDevice[]; readonly t: Translate }): React.JSX.Element {
  return (
    <table data-testid="settings-scanner-devices">
      <caption className="field-label">{t('settings.scanner.seen.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('settings.scanner.col.device')}</th>
          <th scope="col">{t('settings.scanner.col.usagePage')}</th>
          <th scope="col">{t('settings.scanner.col.vendor')}</th>
          <th scope="col">{t('settings.scanner.col.product')}</th>
          <th scope="col">{t('settings.scanner.col.layout')}</th>
        </tr>
      </thead>
      <tbody>
        {devices.map((device) => (
          <tr key={device.id} data-testid={`settings-scanner-device-${device.vendorId.toString(16)}-${device.productId.toString(16)}`}>
            <th scope="row">{device.name}</th>
            <td>{device.usagePage === null ? '—' : `0x${hex4(device.usagePage)}`}</td>
            <td>{`${hex4(device.vendorId)}${device.manufacturer ? ` ${device.manufacturer}` : ''}`}</td>
            <td>{`${hex4(device.productId)}${device.product ? ` ${device.product}` : ''}`}</td>
            <td>
              {readingText(device, t)}
              {device.reading.scans + device.reading.refusedReports > 0 ? (
                <div className="muted">{t('settings.scanner.reading.counts', { scans: device.reading.scans, refused: device.reading.refusedReports })}</div>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
