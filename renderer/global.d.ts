import type { PosBridge } from '../shared/contract';

declare global {
  interface Window {
    /** Provided by the Electron preload or the browser host's bridge; the renderer cannot tell which. */
    readonly pos: PosBridge;
  }
}

export {};
