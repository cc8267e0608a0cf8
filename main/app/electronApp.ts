/**
 * Electron lifecycle and wiring, written against a narrow injected seam (`ElectronSeam`) so the
 * security settings and handler registration are unit-tested without an Electron binary.
 * `electronMain.ts` adapts the real Electron module to this seam and nothing more.
 */
import { METHOD_NAMES } from '../../shared/contract/bridge';
import type { PosResult } from '../../shared/errors';
import type { ServicesConfig } from '../config';
import type { Services } from '../services';
import { EXIT_CODES } from './exitCodes';
import { ALREADY_RUNNING_MESSAGE } from './startupFailure';
import { APP_PAGE_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, serveAppRequest } from './appProtocol';
import { CONTENT_SECURITY_POLICY, isAllowedNavigation, isTrustedSender, secureWebPreferences, type SecureWebPreferences } from './securityPolicy';

export const CHANNEL_PREFIX = 'pos:';
export const EVENT_CHANNEL = 'pos:event';

export interface IpcSender {
  readonly url: string;
  readonly isMainFrame: boolean;
}

export interface AppWindow {
  loadURL(url: string): Promise<void>;
  send(channel: string, ...args: unknown[]): void;
  focus(): void;
  /** Deny window.open and every new window. */
  denyWindowOpen(): void;
  /** Called before any navigation; `prevent` stops it. */
  onWillNavigate(listener: (url: string, prevent: () => void) => void): void;
  /** A server-side redirect during a navigation; `prevent` cancels the whole navigation. */
  onWillRedirect(listener: (url: string, isMainFrame: boolean, prevent: () => void) => void): void;
  /** Any frame about to navigate, sub-frames included (will-navigate sees only the main frame). */
  onWillFrameNavigate(listener: (url: string, isMainFrame: boolean, prevent: () => void) => void): void;
  onWillAttachWebview(listener: (prevent: () => void) => void): void;
  onClosed(listener: () => void): void;
  isDestroyed(): boolean;
  /** The OS print dialog for this window's page on a page of this size (microns); '' when printed, else the reason. */
  print(page: { readonly widthMicrons: number; readonly heightMicrons: number }): Promise<string>;
}

export interface ElectronSeam {
  requestSingleInstanceLock(): boolean;
  onSecondInstance(listener: () => void): void;
  onWindowAllClosed(listener: () => void): void;
  /** `prevent` defers quitting until services are closed. */
  onBeforeQuit(listener: (prevent: () => void) => void): void;
  whenReady(): Promise<void>;
  quit(): void;
  exit(code: number): void;
  userDataDir(): string;
  version(): string;
  /** Opens a folder in the OS file manager; '' on success, else the OS's message (shell.openPath). */
  openFolder(folder: string): Promise<string>;
  /** Every permission request (camera, HID, notifications…) and check is answered by this. */
  setPermissionHandlers(decide: (permission: string) => boolean): void;
  /** Answers the renderer's requests for HID, USB and serial devices (navigator.hid and friends). */
  setDevicePermissionHandler(decide: (deviceType: string) => boolean): void;
  /** Must be called before ready: Chromium fixes its schemes' privileges at start. */
  registerPrivilegedScheme(scheme: string, privileges: typeof APP_SCHEME_PRIVILEGES): void;
  /** Serves every request of `scheme` from `handler`. */
  handleProtocol(scheme: string, handler: (request: Request) => Promise<Response>): void;
  /** Adds the CSP header to every response the renderer loads. */
  setContentSecurityPolicy(policy: string): void;
  createWindow(options: { webPreferences: SecureWebPreferences; width: number; height: number; title: string }): AppWindow;
  handle(channel: string, handler: (sender: IpcSender, input: unknown) => Promise<unknown>): void;
}

export interface ElectronAppOptions {
  readonly preloadPath: string;
  /** The built renderer (dist/renderer), served as app://counter/. */
  readonly rendererDir: string;
  readonly createServices: (config: ServicesConfig) => Promise<Services>;
  readonly log?: (message: string) => void;
}

export interface RunningApp {
  readonly services: Services;
  readonly window: AppWindow;
}

/** Registers one handler per contract method; each checks the sender frame before dispatching. */
export function registerContractHandlers(
  seam: Pick<ElectronSeam, 'handle'>,
  dispatch: Services['dispatch'],
  appUrl: string,
): void {
  for (const name of METHOD_NAMES) {
    seam.handle(`${CHANNEL_PREFIX}${name}`, async (sender, input): Promise<PosResult<unknown>> => {
      if (!isTrustedSender(sender, appUrl)) {
        return { ok: false, error: { code: 'forbidden_sender', message: `Refused ${name} from ${sender.url || 'an unknown frame'}` } };
      }
      return dispatch(name, input);
    });
  }
}

export function hardenWindow(window: AppWindow, appUrl: string): void {
  window.denyWindowOpen();
  window.onWillNavigate((url, prevent) => {
    if (!isAllowedNavigation(url, appUrl)) prevent();
  });
  // The app has no frames of its own, so a sub-frame navigating anywhere is refused too.
  const mainFrameToAppPage = (url: string, isMainFrame: boolean, prevent: () => void): void => {
    if (!isMainFrame || !isAllowedNavigation(url, appUrl)) prevent();
  };
  window.onWillRedirect(mainFrameToAppPage);
  window.onWillFrameNavigate(mainFrameToAppPage);
  window.onWillAttachWebview((prevent) => prevent());
}

/** Starts the app; resolves to null when another instance already runs (this one then exits with EXIT_CODES.alreadyRunning). */
export async function runElectronApp(seam: ElectronSeam, options: ElectronAppOptions): Promise<RunningApp | null> {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  if (!seam.requestSingleInstanceLock()) {
    // The running instance focuses its window (onSecondInstance); this one leaves at once.
    log(ALREADY_RUNNING_MESSAGE);
    seam.exit(EXIT_CODES.alreadyRunning);
    return null;
  }
  seam.registerPrivilegedScheme(APP_SCHEME, APP_SCHEME_PRIVILEGES);
  await seam.whenReady();
  seam.setPermissionHandlers(() => false);
  // Scanners are opened by main through node-hid; the page never gets a device of its own.
  seam.setDevicePermissionHandler(() => false);
  seam.setContentSecurityPolicy(CONTENT_SECURITY_POLICY);
  seam.handleProtocol(APP_SCHEME, (request) => serveAppRequest(request, options.rendererDir));

  let printWindow: AppWindow | null = null;
  const services = await options.createServices({
    dataDir: seam.userDataDir(),
    version: seam.version(),
    host: 'electron',
    openFolder: (folder) => seam.openFolder(folder),
    // The window is created after the services; a print asked for before that cannot happen.
    printPage: (page) => (printWindow && !printWindow.isDestroyed() ? printWindow.print(page) : Promise.resolve('The window is not open')),
  });
  registerContractHandlers(seam, services.dispatch, APP_PAGE_URL);

  const window = seam.createWindow({ webPreferences: secureWebPreferences(options.preloadPath), width: 1280, height: 800, title: 'DealPOS Counter' });
  printWindow = window;
  hardenWindow(window, APP_PAGE_URL);
  const stopForwarding = services.events.onAny((event, payload) => {
    if (!window.isDestroyed()) window.send(EVENT_CHANNEL, event, payload);
  });
  window.onClosed(stopForwarding);

  seam.onSecondInstance(() => window.focus());
  seam.onWindowAllClosed(() => seam.quit());
  let closing = false;
  seam.onBeforeQuit((prevent) => {
    if (closing) return;
    closing = true;
    prevent();
    services
      .close()
      .catch((error: unknown) => log(`Error while closing services: ${String(error)}`))
      .finally(() => seam.exit(0));
  });

  await window.loadURL(APP_PAGE_URL);
  return { services, window };
}
