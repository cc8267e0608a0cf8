/**
 * Electron lifecycle and wiring, written against a narrow injected seam (`ElectronSeam`) so the
 * security settings and handler registration are unit-tested without an Electron binary.
 * `electronMain.ts` adapts the real Electron module to this seam and nothing more.
 */
import { pathToFileURL } from 'node:url';
import { METHOD_NAMES } from '../../shared/contract/bridge';
import type { PosResult } from '../../shared/errors';
import type { ServicesConfig } from '../config';
import type { Services } from '../services';
import { CONTENT_SECURITY_POLICY, isAllowedNavigation, isTrustedSender, secureWebPreferences, type SecureWebPreferences } from './securityPolicy';

export const CHANNEL_PREFIX = 'pos:';
export const EVENT_CHANNEL = 'pos:event';

export interface IpcSender {
  readonly url: string;
  readonly isMainFrame: boolean;
}

export interface AppWindow {
  loadFile(file: string): Promise<void>;
  send(channel: string, ...args: unknown[]): void;
  focus(): void;
  /** Deny window.open and every new window. */
  denyWindowOpen(): void;
  /** Called before any navigation; `prevent` stops it. */
  onWillNavigate(listener: (url: string, prevent: () => void) => void): void;
  onWillAttachWebview(listener: (prevent: () => void) => void): void;
  onClosed(listener: () => void): void;
  isDestroyed(): boolean;
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
  /** Every permission request (camera, HID, notifications…) and check is answered by this. */
  setPermissionHandlers(decide: (permission: string) => boolean): void;
  /** Adds the CSP header to every response the renderer loads. */
  setContentSecurityPolicy(policy: string): void;
  createWindow(options: { webPreferences: SecureWebPreferences; width: number; height: number; title: string }): AppWindow;
  handle(channel: string, handler: (sender: IpcSender, input: unknown) => Promise<unknown>): void;
}

export interface ElectronAppOptions {
  readonly preloadPath: string;
  readonly rendererIndex: string;
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
  window.onWillAttachWebview((prevent) => prevent());
}

/** Starts the app; resolves to null when another instance already runs (this one then quits). */
export async function runElectronApp(seam: ElectronSeam, options: ElectronAppOptions): Promise<RunningApp | null> {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  if (!seam.requestSingleInstanceLock()) {
    log('DealPOS Counter is already running; focusing that window.');
    seam.quit();
    return null;
  }
  await seam.whenReady();
  seam.setPermissionHandlers(() => false);
  seam.setContentSecurityPolicy(CONTENT_SECURITY_POLICY);

  const services = await options.createServices({ dataDir: seam.userDataDir(), version: seam.version(), host: 'electron' });
  const appUrl = pathToFileURL(options.rendererIndex).href;
  registerContractHandlers(seam, services.dispatch, appUrl);

  const window = seam.createWindow({ webPreferences: secureWebPreferences(options.preloadPath), width: 1280, height: 800, title: 'DealPOS Counter' });
  hardenWindow(window, appUrl);
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

  await window.loadFile(options.rendererIndex);
  return { services, window };
}
