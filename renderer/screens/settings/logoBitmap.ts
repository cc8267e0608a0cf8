import { LOGO_MAX_HEIGHT, LOGO_MAX_WIDTH, type ReceiptLogo } from '../../../shared/contract/printing';

/**
 * RGBA pixels to the printer's 1-bit raster: a dot is black where the pixel is dark (luminance
 * below half) and not transparent. `width` must be a multiple of 8 (the caller pads with white).
 */
export function packLogo(rgba: Uint8ClampedArray, width: number, height: number): ReceiptLogo {
  if (width % 8 !== 0) throw new RangeError(`logo width ${width} is not a multiple of 8`);
  const rowBytes = width / 8;
  const bits = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 4;
      const luminance = 0.299 * (rgba[p] ?? 255) + 0.587 * (rgba[p + 1] ?? 255) + 0.114 * (rgba[p + 2] ?? 255);
      if ((rgba[p + 3] ?? 0) >= 128 && luminance < 128) bits[y * rowBytes + (x >> 3)] = (bits[y * rowBytes + (x >> 3)] ?? 0) | (0x80 >> (x & 7));
    }
  }
  let binary = '';
  for (const byte of bits) binary += String.fromCharCode(byte);
  return { width, height, bits: btoa(binary) };
}

/** The size an image is printed at: scaled down (never up) to fit, width padded to whole bytes. */
export function logoSize(imageWidth: number, imageHeight: number): { width: number; height: number; drawWidth: number } {
  const scale = Math.min(1, LOGO_MAX_WIDTH / imageWidth, LOGO_MAX_HEIGHT / imageHeight);
  const drawWidth = Math.max(1, Math.round(imageWidth * scale));
  const height = Math.max(1, Math.round(imageHeight * scale));
  return { width: Math.min(LOGO_MAX_WIDTH, Math.ceil(drawWidth / 8) * 8), height, drawWidth };
}

/** Reads a PNG or JPEG the cashier chose into a printable logo (the browser decodes it; nothing is uploaded). */
export async function logoFromFile(file: Blob): Promise<ReceiptLogo> {
  const image = await createImageBitmap(file);
  const { width, height, drawWidth } = logoSize(image.width, image.height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.drawImage(image, Math.floor((width - drawWidth) / 2), 0, drawWidth, height);
  image.close();
  return packLogo(context.getImageData(0, 0, width, height).data, width, height);
}

/** Draws a stored logo back onto a canvas, as the printer will print it. */
export function drawLogo(canvas: HTMLCanvasElement, logo: ReceiptLogo): void {
  canvas.width = logo.width;
  canvas.height = logo.height;
  const context = canvas.getContext('2d');
  if (!context) return;
  const image = context.createImageData(logo.width, logo.height);
  const binary = atob(logo.bits);
  const rowBytes = logo.width / 8;
  for (let y = 0; y < logo.height; y++) {
    for (let x = 0; x < logo.width; x++) {
      const black = (binary.charCodeAt(y * rowBytes + (x >> 3)) & (0x80 >> (x & 7))) !== 0;
      const p = (y * logo.width + x) * 4;
      image.data[p] = image.data[p + 1] = image.data[p + 2] = black ? 0 : 255;
      image.data[p + 3] = 255;
    }
  }
  context.putImageData(image, 0, 0);
}
