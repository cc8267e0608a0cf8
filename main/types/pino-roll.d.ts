/**
 * pino-roll 4 ships no types. This declares the part we use, read from its source
 * (node_modules/pino-roll/pino-roll.js): it resolves to a SonicBoom stream; options other than the
 * rolling ones are passed on to SonicBoom.
 */
declare module 'pino-roll' {
  import type { EventEmitter } from 'node:events';

  export interface PinoRollOptions {
    /** Base path; pino-roll inserts the number before the extension: `app.log` → `app.1.log`, `app.2.log`, … */
    readonly file: string;
    /** Roll after this many bytes: a number is MB, a string takes a unit (`'512b'`, `'5k'`, `'5m'`). */
    readonly size?: string | number;
    readonly limit?: {
      /** Files to keep; with `removeOtherLogFiles` this counts every numbered file in the folder, the current one included. */
      readonly count: number;
      /** Also remove numbered files earlier runs left behind. */
      readonly removeOtherLogFiles?: boolean;
    };
    readonly mkdir?: boolean;
    // SonicBoom options
    /** Write with fs.writeSync: a line is in the file when write() returns. */
    readonly sync?: boolean;
    /** Mode for each file it creates. */
    readonly mode?: number;
    /** Largest buffer kept while writes fail; further lines are dropped with a 'drop' event. */
    readonly maxLength?: number;
  }

  /** The SonicBoom stream pino-roll returns. */
  export interface RollingStream extends EventEmitter {
    /** The file currently written to. */
    readonly file: string | null;
    readonly destroyed: boolean;
    /** Throws once the stream is destroyed. */
    write(data: string): boolean;
    end(): void;
    destroy(): void;
  }

  export default function pinoRoll(options: PinoRollOptions): Promise<RollingStream>;
}
