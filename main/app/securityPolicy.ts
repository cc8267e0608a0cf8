/**
 * The security settings of the one app window, as plain data so they are unit-tested without an
 * Electron binary. `electronMain.ts` hands them to Electron unchanged.
 */

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Every Permissions-Policy feature Chromium 156 (the e2e browser) recognises, except the `ch-*`
 * client-hint delegations (they only pick which request headers go to other origins). Names it does
 * not recognise (`bluetooth`, `battery`, `web-share`, `ambient-light-sensor`, `document-domain`, …)
 * are left out: each would cost a console warning on every page load. The page uses none of these.
 * Its scan tones are WebAudio: with `autoplay=()` an AudioContext still runs under Electron's and the
 * e2e browser's no-gesture autoplay policy, and elsewhere after the first key press (sticky activation).
 */
export const DENIED_PERMISSIONS = [
  'accelerometer',
  'aria-notify',
  'autoplay',
  'browsing-topics',
  'camera',
  'captured-surface-control',
  'clipboard-read',
  'clipboard-write',
  'compute-pressure',
  'cross-origin-isolated',
  'deferred-fetch',
  'deferred-fetch-minimal',
  'digital-credentials-create',
  'digital-credentials-get',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'gamepad',
  'geolocation',
  'gyroscope',
  'hid',
  'identity-credentials-get',
  'idle-detection',
  'interest-cohort',
  'keyboard-map',
  'language-detector',
  'language-model',
  'local-fonts',
  'local-network',
  'local-network-access',
  'loopback-network',
  'magnetometer',
  'media-playback-while-not-visible',
  'microphone',
  'midi',
  'on-device-speech-recognition',
  'otp-credentials',
  'payment',
  'picture-in-picture',
  'private-state-token-issuance',
  'private-state-token-redemption',
  'publickey-credentials-create',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'speaker-selection',
  'storage-access',
  'summarizer',
  'sync-xhr',
  'translator',
  'unload',
  'usb',
  'window-management',
  'xr-spatial-tracking',
] as const;

export const PERMISSIONS_POLICY = DENIED_PERMISSIONS.map((feature) => `${feature}=()`).join(', ');

/**
 * The headers on every answer of the app's own origin, from the browser host (files, JSON, errors,
 * refused upgrades) and from the app:// protocol alike: one list, so the two cannot drift apart.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': PERMISSIONS_POLICY,
};

export interface SecureWebPreferences {
  readonly preload: string;
  readonly contextIsolation: true;
  readonly sandbox: true;
  readonly nodeIntegration: false;
  readonly nodeIntegrationInWorker: false;
  readonly nodeIntegrationInSubFrames: false;
  readonly webSecurity: true;
  readonly allowRunningInsecureContent: false;
  readonly webviewTag: false;
  readonly navigateOnDragDrop: false;
  readonly spellcheck: false;
}

export function secureWebPreferences(preload: string): SecureWebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/**
 * Only the app's own page (app://counter/index.html, see appProtocol.ts) may call main: no other
 * scheme, host or path (file:// included), no sub-frame. Query and fragment do not matter.
 */
export function isTrustedSender(sender: { readonly url: string; readonly isMainFrame: boolean }, appUrl: string): boolean {
  if (!sender.isMainFrame) return false;
  try {
    const a = new URL(sender.url);
    const b = new URL(appUrl);
    return a.protocol === b.protocol && a.host === b.host && a.pathname === b.pathname;
  } catch {
    return false;
  }
}

/** Navigation away from the app page is never allowed (links open nothing; the app is one page). */
export function isAllowedNavigation(targetUrl: string, appUrl: string): boolean {
  return isTrustedSender({ url: targetUrl, isMainFrame: true }, appUrl);
}
