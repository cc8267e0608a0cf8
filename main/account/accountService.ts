/**
 * The connection to DealPOS and the app's mode. Owns the current session (database file, stores,
 * DealPosClient, RequestBudget) and switches it on connect, demo start and disconnect.
 *
 * - connect: validates input, gets a token FIRST, then stores the secret in the keychain and only
 *   the non-secret parts (subdomain, client id) in SQLite. Any failure leaves everything as it was.
 * - disconnect: removes the secret from the keychain; the live database (catalog, unsynced
 *   invoices) stays, so reconnecting the same account carries on where it stopped.
 * - startDemo: runs the embedded simulator in-process on 127.0.0.1 with a separate `demo.db`.
 * - on start: restores a live connection from settings + keychain without any network call, so
 *   the counter works offline from the first second.
 */
import path from 'node:path';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { connectInputSchema, type AccountStatus } from '../../shared/contract/account';
import type { AppMode, Connectivity } from '../../shared/contract/app';
import type { SettingsOptions } from '../../shared/contract/settings';
import { ServiceError } from '../../shared/errors';
import { keychainAccount, type SecretStore } from '../credentials/secretStore';
import { DealPosClient, type FetchLike } from '../dealpos/dealPosClient';
import { RequestBudget, type RequestBudgetOptions } from '../dealpos/requestBudget';
import { toValidationIssues } from '../ipc/dispatcher';
import type { Logger } from '../logging/logger';
import { AppStateStore } from '../store/appStateStore';
import { discardCatalogFile, openCatalogDatabase } from '../store/catalogDatabase';
import { CatalogStore } from '../store/catalogStore';
import { DEMO_DB_FILE, LIVE_DB_FILE, openDatabase, type OpenedDatabase } from '../store/database';
import { SettingsStore } from '../store/settingsStore';
import type { Session, SessionStarter, SessionStop } from './session';

const CONNECTION_KEY = 'connection';
const DEMO_KEY = 'demoActive';
/** The account the live file's catalog and invoices belong to; kept after disconnect. */
const OWNER_KEY = 'dataOwner';
export const OPTIONS_KEY = 'settingsOptions';

const connectionSchema = z.object({ subdomain: z.string().min(1), clientId: z.string().min(1), connectedAt: z.string() });
const namedOption = z.object({ id: z.string(), name: z.string() });
export const settingsOptionsSchema = z.object({
  outlets: z.array(namedOption),
  paymentMethods: z.array(namedOption.extend({ type: z.string().nullable() })),
  // A cache written before taxes carried `inclusive` fails this and is ignored (refetched when online).
  taxes: z.array(namedOption.extend({ rateBasisPoints: z.number().int().min(0).max(10_000), inclusive: z.boolean() })),
  source: z.enum(['dealpos', 'cache', 'none']),
  fetchedAt: z.string().nullable(),
});

/** What the embedded simulator gives demo mode: where it listens and its demo credentials. */
export interface DemoServer {
  readonly baseUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  close(): Promise<void>;
}

export interface AccountServiceOptions {
  readonly dataDir: string;
  readonly logger: Logger;
  readonly secrets: SecretStore;
  /** Starts the embedded simulator for demo mode (main/simulator). */
  readonly startDemoServer: () => Promise<DemoServer>;
  readonly onConnectivity?: (connectivity: Connectivity) => void;
  /** Invoices in a live database not yet accepted by DealPOS (the outbox answers); blocks switching stores. */
  readonly unsyncedInvoices?: (db: Database.Database) => number;
  readonly budgetOptions?: RequestBudgetOptions;
  readonly now?: () => Date;
}

export class AccountError extends ServiceError {}

/** `mystore` → `mystore.dealpos.net` (ASSUMPTION: tenants live under dealpos.net, as in the docs' examples). */
export function normalizeSubdomain(subdomain: string): string {
  const [host = '', port] = subdomain.split(':');
  const full = host.includes('.') || host === 'localhost' ? host : `${host}.dealpos.net`;
  return port === undefined ? full : `${full}:${port}`;
}

/** Loopback hosts (the simulator in tests and demo) speak plain HTTP; everything else HTTPS. */
export function baseUrlFor(subdomain: string): string {
  const host = subdomain.split(':')[0] ?? '';
  const loopback = host === 'localhost' || /^127(\.\d{1,3}){3}$/.test(host);
  return `${loopback ? 'http' : 'https'}://${subdomain}`;
}

function parseConnectInput(input: unknown): z.infer<typeof connectInputSchema> {
  const parsed = connectInputSchema.safeParse(input);
  if (!parsed.success) {
    const issues = toValidationIssues(parsed.error);
    throw new AccountError('validation', `Cannot connect: ${issues[0]?.path ?? ''} ${issues[0]?.message ?? 'invalid'}`.trim(), { issues });
  }
  const subdomain = normalizeSubdomain(parsed.data.subdomain);
  const port = subdomain.split(':')[1];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65_535)) {
    throw new AccountError('validation', 'Cannot connect: subdomain port must be between 1 and 65535', {
      issues: [{ path: 'subdomain', message: 'Port must be between 1 and 65535' }],
    });
  }
  return { ...parsed.data, subdomain };
}

export class AccountService {
  private current: Session | null = null;
  private stops: SessionStop[] = [];
  private readonly starters = new Set<SessionStarter>();
  private readonly changeListeners = new Set<(session: Session) => void>();
  private demoServer: DemoServer | null = null;
  private databaseNotice: string | null = null;
  private nextSessionId = 1;
  /** Mode changes run one at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  private lastNetworkFailureAt = 0;
  private readonly now: () => Date;

  private constructor(private readonly options: AccountServiceOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Opens the live database and restores the last mode (live from settings + keychain, or demo). */
  static async create(options: AccountServiceOptions): Promise<AccountService> {
    const service = new AccountService(options);
    await service.restore();
    return service;
  }

  // ------------------------------------------------------------------ reading

  session(): Session {
    if (!this.current) throw new AccountError('conflict', 'The app is switching between accounts (or closing); try again in a moment');
    return this.current;
  }

  mode(): AppMode {
    return this.current?.mode ?? 'setup';
  }

  client(): DealPosClient | null {
    return this.current?.client ?? null;
  }

  /** False for 30 s after a request failed for network reasons, true otherwise while a client exists. */
  online(): boolean {
    return this.client() !== null && this.now().getTime() - this.lastNetworkFailureAt > 30_000;
  }

  status(): AccountStatus {
    const session = this.current;
    return {
      mode: session?.mode ?? 'setup',
      subdomain: session?.mode === 'live' ? (session.account?.subdomain ?? null) : null,
      clientId: session?.mode === 'live' ? (session.account?.clientId ?? null) : null,
      databaseNotice: this.databaseNotice,
    };
  }

  /** Registers per-session work (workers, caches); runs it for the current session at once. */
  onSession(starter: SessionStarter): () => void {
    this.starters.add(starter);
    if (this.current) {
      const stop = starter(this.current);
      if (stop) this.stops.push(stop);
    }
    return () => this.starters.delete(starter);
  }

  /** Called after every mode change with the new session. */
  onChange(listener: (session: Session) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  // ------------------------------------------------------------------ changing

  connect(input: unknown): Promise<AccountStatus> {
    return this.serial(async () => {
      const { subdomain, clientId, clientSecret } = parseConnectInput(input);
      if (this.mode() === 'live') {
        throw new AccountError('conflict', 'Already connected to a DealPOS account; disconnect first');
      }
      const owner = `${subdomain}/${clientId}`;
      this.checkOwnerSwitch(owner);
      // The token first: nothing is saved for credentials DealPOS does not accept.
      const budget = new RequestBudget(this.options.budgetOptions);
      const client = this.makeClient(baseUrlFor(subdomain), clientId, clientSecret, budget);
      try {
        await client.getToken({ priority: 'interactive', timeoutMs: 15_000 });
      } catch (error) {
        budget.close();
        throw error;
      }
      const account = keychainAccount(subdomain, clientId);
      await this.options.secrets.set(account, clientSecret);
      try {
        await this.endSession();
        this.stopDemoServer();
        const database = this.openFile(LIVE_DB_FILE);
        const state = new AppStateStore(database.db, this.options.logger, this.now);
        const previousOwner = state.get(OWNER_KEY, z.string());
        // Another store: its catalog, sync cursor and option lists do not apply. The catalog file goes
        // first (no session holds it now): interrupted before the owner changes below, the next
        // connect removes the new store's partial catalog again.
        const anotherStore = previousOwner !== null && previousOwner !== owner;
        if (anotherStore) discardCatalogFile(database.file);
        database.db.transaction(() => {
          if (anotherStore) state.delete(OPTIONS_KEY);
          state.set(CONNECTION_KEY, { subdomain, clientId, connectedAt: this.now().toISOString() });
          state.set(OWNER_KEY, owner);
          state.delete(DEMO_KEY);
        })();
        this.startSession('live', database, { client, budget, account: { subdomain, clientId } });
      } catch (error) {
        await this.options.secrets.delete(account).catch(() => false);
        budget.close();
        if (!this.current) this.startSession('setup', this.openFile(LIVE_DB_FILE), null);
        throw error;
      }
      this.options.logger.info(`Connected to DealPOS at ${subdomain} as client ${clientId}`);
      return this.status();
    });
  }

  disconnect(): Promise<AccountStatus> {
    return this.serial(async () => {
      const session = this.current;
      if (!session || session.mode === 'setup') return this.status();
      if (session.mode === 'live' && session.account) {
        // Keychain first: if it cannot be removed, stay connected rather than leave a secret behind.
        await this.options.secrets.delete(keychainAccount(session.account.subdomain, session.account.clientId));
      }
      await this.endSession();
      this.stopDemoServer();
      const database = this.openFile(LIVE_DB_FILE);
      const state = new AppStateStore(database.db, this.options.logger, this.now);
      state.delete(CONNECTION_KEY);
      state.delete(DEMO_KEY);
      this.startSession('setup', database, null);
      this.options.logger.info(`Disconnected (was ${session.mode})`);
      return this.status();
    });
  }

  startDemo(): Promise<AccountStatus> {
    return this.serial(async () => {
      if (this.mode() === 'demo') return this.status();
      if (this.mode() === 'live') {
        throw new AccountError('conflict', 'Disconnect the DealPOS account before starting the demo store');
      }
      this.session().state.set(DEMO_KEY, true);
      await this.enterDemo();
      return this.status();
    });
  }

  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    await this.endSession();
    this.stopDemoServer();
  }

  // ------------------------------------------------------------------ internals

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Connecting a different store to the live file would send the old store's unsynced invoices to
   * the new one: refuse until they are synced (reconnect the old account) or resolved.
   */
  private checkOwnerSwitch(owner: string): void {
    const current = this.current;
    const database = current && current.database.file === path.join(this.options.dataDir, LIVE_DB_FILE) ? null : this.openFile(LIVE_DB_FILE);
    const db = database?.db ?? current?.db;
    try {
      if (!db) return;
      const previousOwner = new AppStateStore(db, this.options.logger, this.now).get(OWNER_KEY, z.string());
      if (previousOwner === null || previousOwner === owner) return;
      const unsynced = this.options.unsyncedInvoices?.(db) ?? 0;
      if (unsynced > 0) {
        throw new AccountError(
          'conflict',
          `${unsynced} invoice(s) of ${previousOwner} have not reached DealPOS yet. Reconnect that account to send them before connecting another store.`,
          { details: { unsynced, previousOwner } },
        );
      }
    } finally {
      database?.close();
    }
  }

  private async restore(): Promise<void> {
    const database = this.openFile(LIVE_DB_FILE);
    const state = new AppStateStore(database.db, this.options.logger, this.now);
    const connection = state.get(CONNECTION_KEY, connectionSchema);
    if (connection) {
      let secret: string | null = null;
      try {
        secret = await this.options.secrets.get(keychainAccount(connection.subdomain, connection.clientId));
      } catch (error) {
        this.options.logger.error('Cannot read the DealPOS secret from the keychain; starting in setup mode', error);
      }
      if (secret) {
        const budget = new RequestBudget(this.options.budgetOptions);
        const client = this.makeClient(baseUrlFor(connection.subdomain), connection.clientId, secret, budget);
        this.startSession('live', database, { client, budget, account: { subdomain: connection.subdomain, clientId: connection.clientId } });
        return;
      }
      this.options.logger.warn(`The DealPOS secret for ${connection.subdomain} is not in the keychain; connect again`);
    }
    if (!connection && state.get(DEMO_KEY, z.literal(true))) {
      database.close();
      try {
        await this.enterDemo();
        return;
      } catch (error) {
        this.options.logger.error('Cannot restart the demo store; starting in setup mode', error);
      }
      this.startSession('setup', this.openFile(LIVE_DB_FILE), null);
      return;
    }
    this.startSession('setup', database, null);
  }

  private async enterDemo(): Promise<void> {
    const server = await this.options.startDemoServer();
    try {
      await this.endSession();
      this.demoServer = server;
      const budget = new RequestBudget(this.options.budgetOptions);
      const client = this.makeClient(server.baseUrl, server.clientId, server.clientSecret, budget);
      this.startSession('demo', this.openFile(DEMO_DB_FILE), { client, budget, account: null });
      this.options.logger.info(`Demo store running at ${server.baseUrl}`);
    } catch (error) {
      await server.close();
      this.demoServer = null;
      throw error;
    }
  }

  private stopDemoServer(): void {
    const server = this.demoServer;
    this.demoServer = null;
    if (server) void server.close().catch((error: unknown) => this.options.logger.warn('Demo simulator did not close cleanly', error));
  }

  /** The catalog file of `database`; a damaged one is replaced by an empty one and fetched again. */
  private openCatalog(database: OpenedDatabase): OpenedDatabase {
    const catalog = openCatalogDatabase({ appFile: database.file, logger: this.options.logger, now: this.now });
    if (catalog.damaged) this.databaseNotice = catalog.damaged.message;
    return catalog;
  }

  private openFile(name: string): OpenedDatabase {
    const database = openDatabase({ file: path.join(this.options.dataDir, name), logger: this.options.logger, now: this.now });
    if (database.damaged) this.databaseNotice = database.damaged.message;
    return database;
  }

  private makeClient(baseUrl: string, clientId: string, clientSecret: string, budget: RequestBudget): DealPosClient {
    // Connectivity comes from real request outcomes: any HTTP answer means online.
    const observed: FetchLike = async (input, init) => {
      try {
        const response = await fetch(input, init);
        this.lastNetworkFailureAt = 0;
        this.options.onConnectivity?.('online');
        return response;
      } catch (error) {
        if (!init.signal?.aborted) {
          this.lastNetworkFailureAt = this.now().getTime();
          this.options.onConnectivity?.('offline');
        }
        throw error;
      }
    };
    return new DealPosClient({ baseUrl, clientId, clientSecret, budget, logger: this.options.logger, fetch: observed });
  }

  private startSession(
    mode: AppMode,
    database: OpenedDatabase,
    remote: { client: DealPosClient; budget: RequestBudget; account: Session['account'] } | null,
  ): void {
    const state = new AppStateStore(database.db, this.options.logger, this.now);
    const settings = new SettingsStore(state, () => this.cachedOptions(state));
    const catalogDatabase = this.openCatalog(database);
    const session: Session = {
      id: this.nextSessionId++,
      mode,
      database,
      db: database.db,
      state,
      settings,
      catalogDatabase,
      catalog: new CatalogStore(catalogDatabase.db, () => settings.get().outlet),
      catalogState: new AppStateStore(catalogDatabase.db, this.options.logger, this.now),
      client: remote?.client ?? null,
      budget: remote?.budget ?? null,
      account: remote?.account ?? null,
    };
    this.current = session;
    this.lastNetworkFailureAt = 0;
    this.options.onConnectivity?.('unknown');
    for (const starter of this.starters) {
      const stop = starter(session);
      if (stop) this.stops.push(stop);
    }
    for (const listener of this.changeListeners) listener(session);
  }

  private cachedOptions(state: AppStateStore): SettingsOptions | null {
    return state.get(OPTIONS_KEY, settingsOptionsSchema);
  }

  private async endSession(): Promise<void> {
    const session = this.current;
    if (!session) return;
    this.current = null;
    for (const stop of this.stops.splice(0).reverse()) {
      try {
        await stop();
      } catch (error) {
        this.options.logger.error('A session worker failed to stop cleanly', error);
      }
    }
    session.budget?.close();
    session.catalogDatabase.close();
    session.database.close();
  }
}
