/**
 * No Electron binary exists on these machines, so the Electron module itself is replaced by a fake
 * `ElectronSeam` that records what the app asks of it; everything the app decides (settings, checks,
 * registration, navigation policy, shutdown) is real.
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../shared/contract/bridge';
import { APP_PAGE_URL, APP_SCHEME, type APP_SCHEME_PRIVILEGES } from '../../../main/app/appProtocol';
import { CHANNEL_PREFIX, EVENT_CHANNEL, runElectronApp, type AppWindow, type ElectronSeam, type IpcSender } from '../../../main/app/electronApp';
import { EXIT_CODES } from '../../../main/app/exitCodes';
import { CONTENT_SECURITY_POLICY } from '../../../main/app/securityPolicy';
import type { ServicesConfig } from '../../../main/config';
import { createServices, type Services } from '../../../main/services';

type Handler = (sender: IpcSender, input: unknown) => Promise<unknown>;
type FrameListener = (url: string, isMainFrame: boolean, prevent: () => void) => void;

function fakeSeam(opts: { locked?: boolean; openFolderAnswer?: string } = {}) {
  const handlers = new Map<string, Handler>();
  const sent: unknown[][] = [];
  const calls = {
    quit: 0,
    exit: [] as number[],
    focus: 0,
    loaded: [] as string[],
    openedFolders: [] as string[],
    printed: [] as Array<{ widthMicrons: number; heightMicrons: number }>,
  };
  const listeners: {
    beforeQuit?: (prevent: () => void) => void;
    secondInstance?: () => void;
    navigate?: (url: string, prevent: () => void) => void;
    redirect?: FrameListener;
    frameNavigate?: FrameListener;
    webview?: (prevent: () => void) => void;
  } = {};
  // In call order, so a test can see what happened before ready.
  const order: string[] = [];
  const schemes: { scheme: string; privileges: typeof APP_SCHEME_PRIVILEGES }[] = [];
  const protocols = new Map<string, (request: Request) => Promise<Response>>();
  let deviceDecider: ((deviceType: string) => boolean) | null = null;
  let windowOptions: Parameters<ElectronSeam['createWindow']>[0] | null = null;
  let permissionDecider: ((p: string) => boolean) | null = null;
  let csp: string | null = null;
  let windowOpenDenied = false;
  const win: AppWindow = {
    loadURL: async (url) => void calls.loaded.push(url),
    send: (...args) => void sent.push(args),
    focus: () => void calls.focus++,
    denyWindowOpen: () => void (windowOpenDenied = true),
    onWillNavigate: (l) => void (listeners.navigate = l),
    onWillRedirect: (l) => void (listeners.redirect = l),
    onWillFrameNavigate: (l) => void (listeners.frameNavigate = l),
    onWillAttachWebview: (l) => void (listeners.webview = l),
    onClosed: () => undefined,
    isDestroyed: () => false,
    print: async (page) => {
      calls.printed.push(page);
      return 'Print job canceled';
    },
  };
  const seam: ElectronSeam = {
    requestSingleInstanceLock: () => opts.locked !== true,
    onSecondInstance: (l) => void (listeners.secondInstance = l),
    onWindowAllClosed: () => undefined,
    onBeforeQuit: (l) => void (listeners.beforeQuit = l),
    whenReady: async () => void order.push('ready'),
    quit: () => void calls.quit++,
    exit: (code) => void calls.exit.push(code),
    userDataDir: () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-electron-'));
      userDataDirs.push(dir);
      return dir;
    },
    version: () => '9.9.9',
    openFolder: async (folder) => {
      calls.openedFolders.push(folder);
      return opts.openFolderAnswer ?? '';
    },
    setPermissionHandlers: (d) => void (permissionDecider = d),
    setDevicePermissionHandler: (d) => void (deviceDecider = d),
    registerPrivilegedScheme: (scheme, privileges) => {
      order.push(`privileged:${scheme}`);
      schemes.push({ scheme, privileges });
    },
    handleProtocol: (scheme, handler) => void protocols.set(scheme, handler),
    setContentSecurityPolicy: (p) => void (csp = p),
    createWindow: (o) => {
      windowOptions = o;
      return win;
    },
    handle: (channel, handler) => void handlers.set(channel, handler),
  };
  return { seam, handlers, sent, calls, listeners, order, schemes, protocols, get deviceDecider() { return deviceDecider; }, get windowOptions() { return windowOptions; }, get permissionDecider() { return permissionDecider; }, get csp() { return csp; }, get windowOpenDenied() { return windowOpenDenied; } };
}

const appUrl = APP_PAGE_URL;
const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-renderer-'));
fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>DealPOS Counter</title>');
let running: Services | null = null;
const userDataDirs: string[] = [];

afterEach(async () => {
  await running?.close();
  running = null;
  for (const dir of userDataDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

afterAll(() => fs.rmSync(rendererDir, { recursive: true, force: true }));

let lastConfig: ServicesConfig | null = null;

async function start(fake: ReturnType<typeof fakeSeam>) {
  const app = await runElectronApp(fake.seam, {
    preloadPath: '/opt/dealpos/preload.js',
    rendererDir,
    createServices: (config) => {
      lastConfig = config;
      return createServices({ ...config, logToStderr: false });
    },
    log: () => undefined,
  });
  running = app?.services ?? null;
  return app;
}

describe('Electron host', () => {
  it('creates the one window sandboxed, isolated and without Node', async () => {
    const fake = fakeSeam();
    await start(fake);
    expect(fake.windowOptions?.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      preload: '/opt/dealpos/preload.js',
    });
    expect(fake.calls.loaded).toEqual([APP_PAGE_URL]);
    expect(fake.csp).toBe(CONTENT_SECURITY_POLICY);
    expect(fake.csp).toContain("script-src 'self'");
    expect(fake.csp).not.toContain('unsafe');
  });

  it('denies every permission, new windows, webviews and navigation away', async () => {
    const fake = fakeSeam();
    await start(fake);
    for (const permission of ['media', 'hid', 'notifications', 'geolocation', 'openExternal']) {
      expect(fake.permissionDecider?.(permission)).toBe(false);
    }
    expect(fake.windowOpenDenied).toBe(true);
    let prevented = 0;
    fake.listeners.navigate?.('https://evil.example/', () => prevented++);
    fake.listeners.navigate?.(appUrl, () => prevented++);
    fake.listeners.webview?.(() => prevented++);
    expect(prevented).toBe(2);
  });

  it('loads the page from app://, privileged before ready and served from the renderer folder', async () => {
    const fake = fakeSeam();
    await start(fake);
    expect(fake.order).toEqual([`privileged:${APP_SCHEME}`, 'ready']);
    expect(fake.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    const serve = fake.protocols.get(APP_SCHEME);
    const page = await serve?.(new Request(APP_PAGE_URL));
    expect(page?.status).toBe(200);
    expect(await page?.text()).toContain('<title>DealPOS Counter</title>');
    expect(page?.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const escape = await serve?.(new Request('app://counter/..%2f..%2fetc%2fpasswd'));
    expect(escape?.status).toBe(403);
  });

  it('denies the page every HID, USB and serial device (scanners are main-only, through node-hid)', async () => {
    const fake = fakeSeam();
    await start(fake);
    for (const deviceType of ['hid', 'usb', 'serial']) expect(fake.deviceDecider?.(deviceType)).toBe(false);
  });

  it('prevents redirects and frame navigations to anything but the app page in the main frame', async () => {
    const fake = fakeSeam();
    await start(fake);
    const prevented = (listener: FrameListener | undefined, url: string, isMainFrame: boolean): boolean => {
      let stopped = false;
      listener?.(url, isMainFrame, () => (stopped = true));
      return stopped;
    };
    for (const listener of [fake.listeners.redirect, fake.listeners.frameNavigate]) {
      expect(listener).toBeDefined();
      for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://evil.example/index.html', 'app://counter/other.html']) {
        expect(prevented(listener, url, true), url).toBe(true);
      }
      expect(prevented(listener, appUrl, true)).toBe(false);
      expect(prevented(listener, `${appUrl}#queue`, true)).toBe(false);
      expect(prevented(listener, appUrl, false)).toBe(true);
    }
    let navigations = 0;
    fake.listeners.navigate?.('file:///etc/passwd', () => navigations++);
    expect(navigations).toBe(1);
  });

  it('registers one validated handler per contract method and checks the sender frame', async () => {
    const fake = fakeSeam();
    await start(fake);
    expect([...fake.handlers.keys()].sort()).toEqual(METHOD_NAMES.map((m) => `${CHANNEL_PREFIX}${m}`).sort());
    const info = fake.handlers.get('pos:app.info');
    await expect(info?.({ url: appUrl, isMainFrame: true }, {})).resolves.toMatchObject({ ok: true, value: { version: '9.9.9', host: 'electron' } });
    await expect(info?.({ url: appUrl, isMainFrame: false }, {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    for (const url of ['https://evil.example/index.html', 'file:///opt/dealpos/resources/app/dist/renderer/index.html', 'app://evil.example/index.html', 'app://counter/other.html', '']) {
      await expect(info?.({ url, isMainFrame: true }, {}), url).resolves.toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    }
    await expect(info?.({ url: appUrl, isMainFrame: true }, { extra: true })).resolves.toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('forwards main events to the window', async () => {
    const fake = fakeSeam();
    const app = await start(fake);
    app?.services.status.update({ connectivity: 'offline' });
    expect(fake.sent).toContainEqual([EVENT_CHANNEL, 'status', expect.objectContaining({ connectivity: 'offline' })]);
  });

  it('exits at once with the already-running code when another instance holds the lock', async () => {
    const fake = fakeSeam({ locked: true });
    await expect(start(fake)).resolves.toBeNull();
    expect(fake.calls.exit).toEqual([EXIT_CODES.alreadyRunning]);
    expect(fake.windowOptions).toBeNull();
  });

  it('opens the logs folder through the OS and passes on its refusal', async () => {
    const fake = fakeSeam({ openFolderAnswer: 'Failed to open path' });
    await start(fake);
    const open = fake.handlers.get('pos:app.openLogsFolder');
    const info = (await fake.handlers.get('pos:app.info')?.({ url: appUrl, isMainFrame: true }, {})) as { value: { dataDir: string } };
    const logs = path.join(info.value.dataDir, 'logs');
    await expect(open?.({ url: appUrl, isMainFrame: true }, {})).resolves.toEqual({ ok: true, value: { path: logs, opened: false, error: 'Failed to open path' } });
    expect(fake.calls.openedFolders).toEqual([logs]);
  });

  it('prints the window through the OS dialog on the page size main asks for, in microns, and passes on a cancel', async () => {
    const fake = fakeSeam();
    await start(fake);
    const page = { widthMicrons: 80_000, heightMicrons: 180_000 };
    await expect(lastConfig?.printPage?.(page)).resolves.toBe('Print job canceled');
    expect(fake.calls.printed).toEqual([page]);
  });

  it('closes services before exiting on quit, and focuses on a second launch', async () => {
    const fake = fakeSeam();
    await start(fake);
    fake.listeners.secondInstance?.();
    expect(fake.calls.focus).toBe(1);
    let prevented = false;
    fake.listeners.beforeQuit?.(() => (prevented = true));
    expect(prevented).toBe(true);
    await expect.poll(() => fake.calls.exit).toEqual([0]);
    running = null;
  });
});
