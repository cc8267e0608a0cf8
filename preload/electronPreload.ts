/**
 * Sandboxed preload: exposes `window.pos`, one function per contract method plus `on(event)`, and
 * never `ipcRenderer` itself. Built from the same contract table as every other host.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildPosBridge } from '../shared/contract/bridge';
import type { PosResult } from '../shared/errors';

const listeners = new Map<string, Set<(payload: unknown) => void>>();

ipcRenderer.on('pos:event', (_event, name: string, payload: unknown) => {
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

const bridge = buildPosBridge(
  (method, input) => ipcRenderer.invoke(`pos:${method}`, input) as Promise<PosResult<unknown>>,
  (event, listener) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  },
);

contextBridge.exposeInMainWorld('pos', bridge);
