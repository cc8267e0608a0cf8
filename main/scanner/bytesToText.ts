const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Barcode data is ASCII for retail symbologies; 2D codes carry UTF-8 or ISO 8859-1 (the default
 * character set of most symbologies). Valid UTF-8 is read as UTF-8, anything else as ISO 8859-1,
 * so no byte is ever dropped or replaced.
 */
export function bytesToText(bytes: Uint8Array): string {
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) {
    if ((bytes[i] ?? 0) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return latin1(bytes);
  try {
    return utf8.decode(bytes);
  } catch (error) {
    // A fatal decoder signals invalid UTF-8 with a TypeError; that is the one case to fall back on.
    if (error instanceof TypeError) return latin1(bytes);
    throw error;
  }
}

/** ISO 8859-1 maps each byte to the code point of the same value (TextDecoder's "latin1" is windows-1252). */
function latin1(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 1024) {
    text += String.fromCharCode(...bytes.subarray(i, i + 1024));
  }
  return text;
}
