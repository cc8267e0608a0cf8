/**
 * No Electron binary exists on these machines, so the Electron module itself is replaced by a fake
 * `ElectronSeam`; everything the app decides (settings, checks, registration, shutdown) is real.
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../shared/contract/bridge';
import { CHANNEL_PREFIX, EVENT_CHANNEL, runElectronApp, type AppWindow, type ElectronSeam, type IpcSender } from '../../../main/app/electronApp';
import { CONTENT_SECURITY_POLICY } from '../../../main/app/securityPolicy';
import { createServices, type Services } from '../../../main/services';

type Handler = (sender: IpcSender, input: unknown) => Promise<unknown>;

function fakeSeam(opts: { locked?: boolean } = {}) {
  const handlers = new Map<string, Handler>();
  const sent: unknown[][] = [];
  const calls = { quit: 0, exit: [] as number[], focus: 0, loaded: [] as string[] };
  const listeners: { beforeQuit?: (prevent: () => void) => void; secondInstance?: () => void; navigate?: (url: string, prevent: () => void) => void; webview?: (prevent: () => void) => void } = {};
  let windowOptions: Parameters<ElectronSeam['createWindow']>[0] | null = null;
  let permissionDecider: ((p: string) => boolean) | null = null;
  let csp: string | null = null;
  let windowOpenDenied = false;
  const win: AppWindow = {
    loadFile: async (file) => void calls.loaded.push(file),
    send: (...args) => void sent.push(args),
    focus: () => void calls.focus++,
    denyWindowOpen: () => void (windowOpenDenied = true),
    onWillNavigate: (l) => void (listeners.navigate = l),
    onWillAttachWebview: (l) => void (listeners.webview = l),
    onClosed: () => undefined,
    isDestroyed: () => false,
  };
  const seam: ElectronSeam = {
    requestSingleInstanceLock: () => opts.locked !== true,
    onSecondInstance: (l) => void (listeners.secondInstance = l),
    onWindowAllClosed: () => undefined,
    onBeforeQuit: (l) => void (listeners.beforeQuit = l),
    whenReady: async () => undefined,
    quit: () => void calls.quit++,
    exit: (code) => void calls.exit.push(code),
    userDataDir: () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-electron-'));
      userDataDirs.push(dir);
      return dir;
    },
    version: () => '9.9.9',
    setPermissionHandlers: (d) => void (permissionDecider = d),
    setContentSecurityPolicy: (p) => void (csp = p),
    createWindow: (o) => {
      windowOptions = o;
      return win;
    },
    handle: (channel, handler) => void handlers.set(channel, handler),
  };
  return { seam, handlers, sent, calls, listeners, get windowOptions() { return windowOptions; }, get permissionDecider() { return permissionDecider; }, get csp() { return csp; }, get windowOpenDenied() { return windowOpenDenied; } };
}

const rendererIndex = '/opt/dealpos/resources/app/dist/renderer/index.html';
const appUrl = pathToFileURL(rendererIndex).href;
let running: Services | null = null;
const userDataDirs: string[] = [];

afterEach(async () => {
  await running?.close();
  running = null;
  for (const dir of userDataDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function start(fake: ReturnType<typeof fakeSeam>) {
  const app = await runElectronApp(fake.seam, {
    preloadPath: '/opt/dealpos/preload.js',
    rendererIndex,
    createServices: (config) => createServices({ ...config, logToStderr: false }),
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
    expect(fake.calls.loaded).toEqual([rendererIndex]);
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

  it('registers one validated handler per contract method and checks the sender frame', async () => {
    const fake = fakeSeam();
    await start(fake);
    expect([...fake.handlers.keys()].sort()).toEqual(METHOD_NAMES.map((m) => `${CHANNEL_PREFIX}${m}`).sort());
    const info = fake.handlers.get('pos:app.info');
    await expect(info?.({ url: appUrl, isMainFrame: true }, {})).resolves.toMatchObject({ ok: true, value: { version: '9.9.9', host: 'electron' } });
    await expect(info?.({ url: appUrl, isMainFrame: false }, {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    await expect(info?.({ url: 'https://evil.example/index.html', isMainFrame: true }, {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    await expect(info?.({ url: appUrl, isMainFrame: true }, { extra: true })).resolves.toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('forwards main events to the window', async () => {
    const fake = fakeSeam();
    const app = await start(fake);
    app?.services.status.update({ connectivity: 'offline' });
    expect(fake.sent).toContainEqual([EVENT_CHANNEL, 'status', expect.objectContaining({ connectivity: 'offline' })]);
  });

  it('quits at once when another instance holds the lock', async () => {
    const fake = fakeSeam({ locked: true });
    await expect(start(fake)).resolves.toBeNull();
    expect(fake.calls.quit).toBe(1);
    expect(fake.windowOptions).toBeNull();
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
