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
