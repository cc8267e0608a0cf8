/**
 * Exit codes of the app process, one per start-up failure a store's support can act on. Scripts and
 * the Electron spec read them; the message printed beside each says what to do.
 */
export const EXIT_CODES = {
  ok: 0,
  /** Anything not listed below; the log has the details. */
  unexpected: 1,
  /** Bad command-line flags. */
  usage: 2,
  /** Another DealPOS Counter already runs for this user; its window was focused instead. */
  alreadyRunning: 3,
  /** A native module (better-sqlite3, keytar, node-hid) is missing or built for another runtime. */
  nativeModule: 4,
  /** The per-user data folder cannot be created or written. */
  dataFolderUnwritable: 5,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
