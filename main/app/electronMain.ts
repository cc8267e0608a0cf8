/**
 * Electron entry point: adapts the real Electron module to `ElectronSeam` and starts the app.
 * Kept deliberately thin; everything with logic lives in electronApp.ts and is unit-tested.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import { EXIT_CODES } from './exitCodes';
import { checkNativeModules, currentRuntime, nativeModuleReport } from './nativeModules';
import { runElectronApp, type AppWindow, type ElectronSeam } from './electronApp';
import { classifyStartupError } from './startupFailure';

function wrapWindow(win: BrowserWindow): AppWindow {
  const contents = win.webContents;
  return {
    loadURL: (url) => win.loadURL(url),
    send: (channel, ...args) => contents.send(channel, ...args),
    focus: () => {
      if (win.isMinimized()) win.restore();
      win.focus();
    },
    denyWindowOpen: () => contents.setWindowOpenHandler(() => ({ action: 'deny' })),
    onWillNavigate: (listener) => contents.on('will-navigate', (event, url) => listener(url, () => event.preventDefault())),
    onWillRedirect: (listener) => contents.on('will-redirect', (event) => listener(event.url, event.isMainFrame, () => event.preventDefault())),
    onWillFrameNavigate: (listener) => contents.on('will-frame-navigate', (event) => listener(event.url, event.isMainFrame, () => event.preventDefault())),
    onWillAttachWebview: (listener) => contents.on('will-attach-webview', (event) => listener(() => event.preventDefault())),
    onClosed: (listener) => win.on('closed', listener),
    isDestroyed: () => win.isDestroyed(),
    // An explicit page size: since Electron 25 the default is A4, which scales a receipt down (electron#39670).
    print: (page) =>
      new Promise((resolve) =>
        contents.print(
          { silent: false, printBackground: false, margins: { marginType: 'none' }, pageSize: { width: page.widthMicrons, height: page.heightMicrons } },
          (success, failureReason) => resolve(success ? '' : failureReason || 'Print job canceled'),
        ),
      ),
  };
}

const seam: ElectronSeam = {
  requestSingleInstanceLock: () => app.requestSingleInstanceLock(),
  onSecondInstance: (listener) => app.on('second-instance', listener),
  onWindowAllClosed: (listener) => app.on('window-all-closed', listener),
  onBeforeQuit: (listener) => app.on('before-quit', (event) => listener(() => event.preventDefault())),
  whenReady: () => app.whenReady(),
  quit: () => app.quit(),
  exit: (code) => app.exit(code),
  userDataDir: () => app.getPath('userData'),
  version: () => app.getVersion(),
  openFolder: (folder) => shell.openPath(folder),
  setPermissionHandlers: (decide) => {
    session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(decide(permission)));
    session.defaultSession.setPermissionCheckHandler((_contents, permission) => decide(permission));
  },
  setDevicePermissionHandler: (decide) => session.defaultSession.setDevicePermissionHandler((details) => decide(details.deviceType)),
  registerPrivilegedScheme: (scheme, privileges) => protocol.registerSchemesAsPrivileged([{ scheme, privileges }]),
  handleProtocol: (scheme, handler) => protocol.handle(scheme, handler),
  setContentSecurityPolicy: (policy) => {
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
    });
  },
  createWindow: (options) => wrapWindow(new BrowserWindow({ ...options, show: true, backgroundColor: '#ffffff' })),
  handle: (channel, handler) =>
    ipcMain.handle(channel, (event, input: unknown) =>
      handler({ url: event.senderFrame?.url ?? '', isMainFrame: event.senderFrame === event.sender.mainFrame }, input),
    ),
};

const distDir = path.resolve(__dirname, '..');
const nativeFailures = checkNativeModules();
if (nativeFailures.length > 0) {
  const report = nativeModuleReport(nativeFailures, currentRuntime());
  console.error(report);
  // A counter has no console: the cashier must see why the app did not open.
  dialog.showErrorBox('DealPOS Counter cannot start', report);
  app.exit(EXIT_CODES.nativeModule);
} else {
  // Loaded only after the check, so a broken binary is reported above rather than thrown at import.
  import('../services')
    .then(({ createServices }) =>
      runElectronApp(seam, {
        preloadPath: path.join(distDir, 'preload', 'electronPreload.cjs'),
        rendererDir: path.join(distDir, 'renderer'),
        createServices,
      }),
    )
    .catch((error: unknown) => {
      const failure = classifyStartupError(error, 'electron');
      console.error(failure.message, error);
      dialog.showErrorBox('DealPOS Counter cannot start', failure.message);
      app.exit(failure.code);
    });
}
