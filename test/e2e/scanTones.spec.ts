import { ean13 } from '../../main/simulator/ean13';
import { CLOSE_AFTER_IDLE_MS } from '../../renderer/feedback/tones';
import { expect, test } from './bootstrap';
import { watchApi } from './helpers/apiQuiet';
import { typeLikeScanner } from './helpers/typeLikeScanner';

/** Indomie Goreng 85g in the demo store's catalog. */
const INDOMIE = ean13('899100100001');

type AudioWindow = { __audio: AudioContext[] };

test('the scan beep keeps the audio open through a sale and lets it rest once the counter is quiet', async ({ page, app }) => {
  // Chromium's own AudioContext, recorded as the app creates it, so the test can read its state.
  await page.addInitScript(() => {
    const Real = window.AudioContext;
    const made: AudioContext[] = [];
    (window as unknown as AudioWindow).__audio = made;
    window.AudioContext = class extends Real {
      constructor(options?: AudioContextOptions) {
        super(options);
        made.push(this);
      }
    };
  });
  const api = watchApi(page);
  await page.goto(app.url);
  await page.getByTestId('start-demo').click();
  await expect(page.getByTestId('catalog-state')).toHaveAttribute('data-state', 'complete', { timeout: 30_000 });
  await page.getByTestId('nav-checkout').click();
  await expect(page.getByTestId('cart-empty')).toBeVisible();
  await api.quiet();
  const states = (): Promise<string[]> => page.evaluate(() => (window as unknown as AudioWindow).__audio.map((context) => context.state));

  await typeLikeScanner(page, INDOMIE);
  await expect(page.getByTestId('cart-row-name')).toHaveText(['Indomie Goreng 85g']);
  await expect.poll(states).toEqual(['running']);
  // Quiet past the idle time: closed, so neither Chromium's audio thread nor the sound server's
  // stream keeps waking the counter's CPU between customers.
  await expect.poll(states, { timeout: CLOSE_AFTER_IDLE_MS + 10_000 }).toEqual(['closed']);
  // The next scan beeps again, on a new context.
  await typeLikeScanner(page, INDOMIE);
  await expect(page.getByTestId('cart-row-qty')).toHaveText(['2']);
  await expect.poll(states).toEqual(['closed', 'running']);
});
