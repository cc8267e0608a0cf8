import { defineMessages } from '../defineMessages';

/**
 * What to do when the scanner is not reading, one text per `ScannerHint` code (see scannerHint.ts).
 * Commands and the OS's own menu names stay as the OS shows them; Indonesian adds the localized
 * macOS names in brackets.
 */
export const scanner = defineMessages({
  en: {
    'hint.linux_permission':
      'Linux lets only root read this scanner. Install the udev rule (the .deb does it for you): ' +
      'sudo cp "/opt/DealPOS Counter/resources/udev/{ruleFile}" /etc/udev/rules.d/ && ' +
      'sudo udevadm control --reload-rules && sudo udevadm trigger --subsystem-match=hidraw, then unplug and replug the scanner. ' +
      'If your scanner\'s brand is not in the rule, add a line with the vendor ID "lsusb" shows.',
    'hint.macos_input_monitoring':
      'macOS blocks reading keyboard-mode scanners until you allow it: System Settings → Privacy & Security → ' +
      'Input Monitoring → turn on DealPOS Counter, then restart the app. Or switch the scanner to HID POS mode.',
    'hint.windows_keyboard_mode':
      'Windows does not let apps read a scanner in keyboard mode. Scan the "USB HID POS" setup barcode in the ' +
      'scanner\'s manual to switch it to HID POS mode, or choose "Keyboard-mode scanner only (no device selected)": keyboard-mode scans still work at checkout.',
    'hint.open_failed':
      'The scanner could not be opened ({detail}). Close other programs that use it (vendor or OPOS tools), then replug it.',
    'hint.hid_unavailable':
      'Reading HID scanners is unavailable on this installation; keyboard-mode scanning still works. Reinstall the app to fix it.',
    'hint.device_missing': 'Plug the scanner in; it connects by itself.',
    'hint.unplugged': 'The scanner is unplugged or stopped answering; it reconnects by itself when plugged back in.',
    'hint.foreign_layout':
      'The scanner sends reports in a layout the app does not read, so its scans are ignored. Switch it to keyboard mode ' +
      '(see its manual) and choose "Keyboard-mode scanner only (no device selected)": keyboard-mode scans work at checkout without setup.',
  },
  id: {
    'hint.linux_permission':
      'Di Linux hanya root yang boleh membaca pemindai ini. Pasang aturan udev (paket .deb memasangnya otomatis): ' +
      'sudo cp "/opt/DealPOS Counter/resources/udev/{ruleFile}" /etc/udev/rules.d/ && ' +
      'sudo udevadm control --reload-rules && sudo udevadm trigger --subsystem-match=hidraw, lalu cabut dan colokkan lagi pemindainya. ' +
      'Jika merek pemindai Anda belum ada di aturan itu, tambahkan satu baris dengan vendor ID yang ditampilkan "lsusb".',
    'hint.macos_input_monitoring':
      'macOS memblokir pembacaan pemindai mode keyboard sampai Anda mengizinkannya: System Settings → Privacy & Security → ' +
      'Input Monitoring (Pengaturan Sistem → Privasi & Keamanan → Pemantauan Input) → aktifkan DealPOS Counter, ' +
      'lalu mulai ulang aplikasi. Atau ubah pemindai ke mode HID POS.',
    'hint.windows_keyboard_mode':
      'Windows tidak mengizinkan aplikasi membaca pemindai dalam mode keyboard. Pindai barcode pengaturan "USB HID POS" di ' +
      'buku panduan pemindai untuk mengubahnya ke mode HID POS, atau pilih "Hanya pemindai mode keyboard (tanpa perangkat)": pemindaian mode keyboard tetap berfungsi di kasir.',
    'hint.open_failed':
      'Pemindai tidak dapat dibuka ({detail}). Tutup program lain yang memakainya (alat bawaan vendor atau OPOS), lalu cabut dan colokkan lagi.',
    'hint.hid_unavailable':
      'Pembacaan pemindai HID tidak tersedia di instalasi ini; pemindaian mode keyboard tetap berfungsi. Instal ulang aplikasi untuk memperbaikinya.',
    'hint.device_missing': 'Colokkan pemindai; pemindai akan terhubung sendiri.',
    'hint.unplugged': 'Pemindai tercabut atau berhenti merespons; pemindai akan terhubung lagi sendiri saat dicolokkan kembali.',
    'hint.foreign_layout':
      'Pemindai mengirim laporan dalam format yang tidak dibaca aplikasi, jadi hasil pindaiannya diabaikan. Ubah ke mode keyboard ' +
      '(lihat buku panduannya) dan pilih "Hanya pemindai mode keyboard (tanpa perangkat)": pemindaian mode keyboard langsung berfungsi di kasir tanpa pengaturan.',
  },
});
