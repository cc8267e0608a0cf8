/**
 * `labels.*` (issue 14): receiving labels. Loads a purchase bill's or outlet delivery's lines from
 * DealPOS (`Barcode/ByBillNumber`, `Barcode/ByOutletDeliveryNumber`), flags discontinued variants with
 * one `Variant/GetIDByListCodeDiscontinued` request for the whole list, keeps the lines in SQLite for
 * offline use, and renders the label sheet PDF from main's own copy (the renderer only says how many
 * labels per line). Bad input refuses the whole sheet: nothing is printed half.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ContractHandlers } from '../../shared/contract';
import { MAX_LABELS_PER_SHEET, type LabelDocument, type LabelLine, type LabelSheet, type LabelSheetRequest, type OpenedSheet, type LabelSource } from '../../shared/contract/labels';
import type { SettingsOptions } from '../../shared/contract/settings';
import { ServiceError, type ValidationIssue } from '../../shared/errors';
import { chooseSymbology } from '../../shared/labels/labelSymbology';
import { formatMoney } from '../../shared/money';
import { cachedSettingsOptions, loadSettingsOptions } from '../account/settingsOptions';
import type { Session } from '../account/session';
import { toMinorUnits } from '../catalog/variantRecord';
import type { CallOptions, DealPosClient } from '../dealpos/dealPosClient';
import { DealPosError } from '../dealpos/errors';
import type { BarcodeLine } from '../dealpos/schemas';
import type { Logger } from '../logging/logger';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../dataFolder/privateFiles';
import { LabelDocumentStore, type StoredLabelDocument, type StoredLabelLine } from '../store/labelDocumentStore';
import { systemIso, type IsoClock } from '../store/outboxStore';
import { LabelTooWideError, renderLabelSheet, type LabelFace } from './labelSheetPdf';

/** What the label service uses of a session: its database, settings, catalog and client. */
export type LabelSession = Pick<Session, 'id' | 'db' | 'state' | 'settings' | 'catalog' | 'client'>;

export interface LabelServiceOptions {
  readonly session: () => LabelSession;
  readonly logger: Logger;
  /** Where opened sheets are saved (`<data folder>/labels`). */
  readonly sheetsDir: string;
  /** Opens a file with the OS's default app; '' on success, else the OS's message. Null where the host cannot. */
  readonly openFile: ((file: string) => Promise<string>) | null;
  readonly now?: () => number;
  readonly iso?: IsoClock;
}

type LabelHandlers = Pick<ContractHandlers, 'labels.load' | 'labels.cached' | 'labels.sheet' | 'labels.openSheet'>;

/** A manager is waiting at the screen: give up rather than queue behind a long rate-limit wait. */
const CALL: CallOptions = { priority: 'interactive', timeoutMs: 15_000, maxWaitMs: 15_000 };

/** Failures that mean "DealPOS cannot answer now": the kept copy may stand in. */
const UNREACHABLE = new Set(['network', 'timeout', 'rate_limited', 'server_error', 'cancelled']);
/** Of those, the ones where the connection itself is the problem (a full quota or a failing server is worded as such). */
const NO_CONNECTION = new Set(['network', 'timeout', 'cancelled']);

const KIND_WORD = { bill: 'purchase bill', delivery: 'outlet delivery' } as const;

function sourceDetails(source: LabelSource): Record<string, string> {
  return { kind: source.kind, outlet: source.outlet, number: source.number };
}

/**
 * The outlet as DealPOS spells it, from the outlets this DealPOS user can use; null when it is not
 * among them, `unchecked` when no list can be had (never fetched and DealPOS not answering it).
 * A miss in a cached list asks DealPOS for a fresh list once: the outlet may be new.
 */
async function accessibleOutlet(session: LabelSession, outlet: string, logger: Logger): Promise<string | null | 'unchecked'> {
  const find = (options: SettingsOptions): string | null => options.outlets.find((o) => o.name.toLowerCase() === outlet.toLowerCase())?.name ?? null;
  const cached = cachedSettingsOptions(session.state);
  if (cached && cached.source !== 'none') {
    const known = find(cached);
    if (known !== null) return known;
  }
  let fresh: SettingsOptions;
  try {
    fresh = await loadSettingsOptions(session, { logger, maxAgeMs: 0 });
  } catch (error) {
    if (!(error instanceof DealPosError)) throw error;
    logger.warn(`Receiving labels: outlet list not available (${error.code})`);
    return cached && cached.source !== 'none' ? null : 'unchecked';
  }
  return fresh.source === 'none' ? 'unchecked' : find(fresh);
}

function toStoredLines(lines: readonly BarcodeLine[], decimals: number, source: LabelSource): StoredLabelLine[] {
  return lines.map((line) => {
    const price = toMinorUnits(line.UnitPrice, decimals);
    if (price === null) {
      throw new ServiceError('bad_response', `DealPOS gave ${line.Code} in ${KIND_WORD[source.kind]} ${source.number} a price the counter cannot use (${line.UnitPrice})`, {
        details: { endpoint: source.kind === 'bill' ? 'Barcode/ByBillNumber' : 'Barcode/ByOutletDeliveryNumber', field: 'UnitPrice' },
      });
    }
    return { code: line.Code.trim(), name: line.Name.trim() || line.Code.trim(), quantity: line.Quantity, price };
  });
}

function toLabelLine(line: StoredLabelLine, discontinued: boolean | null): LabelLine {
  const choice = chooseSymbology(line.code);
  return {
    code: line.code,
    name: line.name,
    quantity: line.quantity,
    price: line.price,
    discontinued,
    symbology: choice.ok ? choice.symbology : null,
    unencodable: choice.ok ? null : choice.reason,
  };
}

function fileNameOf(request: LabelSheetRequest): string {
  const { kind, outlet, number } = request.source;
  return `labels-${kind}-${outlet}-${number}-${request.size}.pdf`.replace(/[^A-Za-z0-9._-]+/g, '-');
}

export interface LabelService {
  readonly handlers: LabelHandlers;
}

export function createLabelService(options: LabelServiceOptions): LabelService {
  const { logger } = options;
  const now = options.now ?? Date.now;
  const iso = options.iso ?? systemIso;
  /** The sheet made last: the only one `labels.openSheet` may save and open (never a path from the screen). */
  let lastSheet: { readonly fileName: string; readonly pdf: Buffer } | null = null;
  let store: { readonly sessionId: number; readonly documents: LabelDocumentStore } | null = null;
  const documentsOf = (session: LabelSession): LabelDocumentStore => {
    if (store?.sessionId !== session.id) store = { sessionId: session.id, documents: new LabelDocumentStore(session.db) };
    return store.documents;
  };

  /** Flags from one request for every code; the offline catalog's when DealPOS is not asked or cannot answer. */
  async function discontinuedFlags(
    session: LabelSession,
    codes: readonly string[],
    ask: boolean,
  ): Promise<{ flags: ReadonlyMap<string, boolean | null>; from: 'dealpos' | 'catalog' }> {
    const distinct = [...new Set(codes.filter((code) => code !== ''))];
    const catalog = new Map(distinct.map((code) => [code, session.catalog.findByCode(code)?.discontinued ?? null]));
    if (!ask || !session.client || distinct.length === 0) return { flags: catalog, from: 'catalog' };
    try {
      const answer = await session.client.variantIdsByCodesDiscontinued({ ListCode: distinct, Discontinued: 'All' }, CALL);
      const byCode = new Map(answer.map((row) => [row.Code.toLowerCase(), row.Discontinued]));
      // A code DealPOS leaves out of the answer is not a variant it knows; the catalog may still.
      return { flags: new Map(distinct.map((code) => [code, byCode.get(code.toLowerCase()) ?? catalog.get(code) ?? null])), from: 'dealpos' };
    } catch (error) {
      if (!(error instanceof DealPosError)) throw error;
      logger.warn(`Receiving labels: discontinued check failed (${error.code}); using the offline catalog's flags`);
      return { flags: catalog, from: 'catalog' };
    }
  }

  async function fromDealPos(client: DealPosClient, session: LabelSession, source: LabelSource): Promise<StoredLabelDocument> {
    const key = { outlet: source.outlet, number: source.number };
    try {
      const lines = source.kind === 'bill' ? await client.barcodesByBillNumber(key, CALL) : await client.barcodesByOutletDeliveryNumber(key, CALL);
      return { source, lines: toStoredLines(lines, session.settings.get().currencyDecimals, source), loadedAt: iso(now()) };
    } catch (error) {
      if (error instanceof DealPosError && error.code === 'not_found') {
        throw new ServiceError('not_found', `DealPOS has no ${KIND_WORD[source.kind]} ${source.number} in outlet ${source.outlet}`, {
          details: { reason: 'unknown_document', ...sourceDetails(source) },
          cause: error,
        });
      }
      throw error;
    }
  }

  async function load(source: LabelSource): Promise<LabelDocument> {
    const session = options.session();
    const documents = documentsOf(session);
    const client = session.client;
    if (!client) throw new ServiceError('not_configured', 'Connect to DealPOS or start the demo store first', { details: { reason: 'not_connected' } });
    const outlet = await accessibleOutlet(session, source.outlet, logger);
    if (outlet === null) {
      throw new ServiceError('forbidden', `Outlet ${source.outlet} is not one your DealPOS user can access`, { details: { reason: 'outlet_not_accessible', outlet: source.outlet } });
    }
    const asked: LabelSource = outlet === 'unchecked' ? source : { ...source, outlet };

    let document: StoredLabelDocument;
    let from: LabelDocument['from'] = 'dealpos';
    try {
      document = await fromDealPos(client, session, asked);
      documents.put(document);
    } catch (error) {
      if (!(error instanceof DealPosError) || !UNREACHABLE.has(error.code)) throw error;
      const kept = documents.get(asked);
      if (!kept && !NO_CONNECTION.has(error.code)) throw error;
      if (!kept) {
        throw new ServiceError('offline', `Loading ${KIND_WORD[asked.kind]} ${asked.number} needs a connection to DealPOS; it was not loaded on this counter before`, {
          details: { reason: 'needs_connection', cause: error.code, ...sourceDetails(asked) },
          cause: error,
        });
      }
      document = kept;
      from = 'cache';
    }
    const { flags, from: discontinuedFrom } = await discontinuedFlags(session, document.lines.map((l) => l.code), from === 'dealpos');
    return {
      source: document.source,
      lines: document.lines.map((line) => toLabelLine(line, flags.get(line.code) ?? null)),
      from,
      loadedAt: document.loadedAt,
      discontinuedFrom,
    };
  }

  async function sheet(request: LabelSheetRequest): Promise<LabelSheet> {
    const session = options.session();
    const document = documentsOf(session).get(request.source);
    if (!document) {
      throw new ServiceError('not_found', `Load ${KIND_WORD[request.source.kind]} ${request.source.number} first`, { details: { reason: 'not_loaded', ...sourceDetails(request.source) } });
    }
    const issues: ValidationIssue[] = [];
    const reasons: Array<{ reason: 'unknown_line' | 'unencodable'; code: string }> = [];
    const chosen: Array<{ line: StoredLabelLine; labels: number }> = [];
    for (const [index, wanted] of request.lines.entries()) {
      const line = document.lines.find((l) => l.code === wanted.code);
      if (!line) {
        issues.push({ path: `lines.${index}.code`, message: `${wanted.code} is not on ${KIND_WORD[request.source.kind]} ${request.source.number}` });
        reasons.push({ reason: 'unknown_line', code: wanted.code });
      } else if (wanted.labels > 0) {
        if (!chooseSymbology(line.code).ok) {
          issues.push({ path: `lines.${index}.code`, message: `No barcode can carry the code "${line.code}"` });
          reasons.push({ reason: 'unencodable', code: line.code });
        }
        chosen.push({ line, labels: wanted.labels });
      }
    }
    const first = reasons[0];
    if (first) throw new ServiceError('validation', issues.map((i) => i.message).join('; '), { issues, details: { ...first } });
    const total = chosen.reduce((n, c) => n + c.labels, 0);
    if (total === 0) throw new ServiceError('validation', 'Every line is at 0 labels: choose at least one label', { details: { reason: 'no_labels' } });
    if (total > MAX_LABELS_PER_SHEET) {
      throw new ServiceError('validation', `${total} labels is more than the ${MAX_LABELS_PER_SHEET} one sheet may hold`, {
        details: { reason: 'too_many_labels', requested: total, max: MAX_LABELS_PER_SHEET },
      });
    }

    const decimals = session.settings.get().currencyDecimals;
    const faces: LabelFace[] = [];
    for (const { line, labels } of chosen) {
      const choice = chooseSymbology(line.code);
      if (!choice.ok) continue;
      const face: LabelFace = { code: line.code, name: line.name, price: formatMoney(line.price, { decimals, currency: 'IDR', locale: 'id-ID' }), symbology: choice.symbology };
      for (let i = 0; i < labels; i++) faces.push(face);
    }
    try {
      const started = now();
      const title = `Labels for ${KIND_WORD[request.source.kind]} ${request.source.number} (${request.source.outlet})`;
      const { pdf, pages } = await renderLabelSheet(faces, request.size, title);
      logger.info(`Receiving labels: ${faces.length} labels on ${pages} pages (${request.size}) in ${now() - started} ms`);
      lastSheet = { fileName: fileNameOf(request), pdf };
      return { pdfBase64: pdf.toString('base64'), fileName: lastSheet.fileName, labels: faces.length, pages };
    } catch (error) {
      if (error instanceof LabelTooWideError) {
        throw new ServiceError('validation', error.message, { details: { reason: 'too_wide', code: error.code, size: request.size } });
      }
      throw error;
    }
  }

  async function openSheet(fileName: string): Promise<OpenedSheet> {
    const openFile = options.openFile;
    if (!openFile) throw new ServiceError('not_configured', 'This window cannot open files; save the PDF and open it from there', { details: { reason: 'cannot_open' } });
    if (!lastSheet || lastSheet.fileName !== fileName) {
      throw new ServiceError('not_found', `${fileName} is not the label sheet made last; make it again`, { details: { reason: 'sheet_gone' } });
    }
    fs.mkdirSync(options.sheetsDir, { recursive: true, mode: PRIVATE_DIR_MODE });
    const file = path.join(options.sheetsDir, lastSheet.fileName);
    fs.writeFileSync(file, lastSheet.pdf, { mode: PRIVATE_FILE_MODE });
    const failure = await openFile(file);
    if (failure !== '') throw new ServiceError('not_configured', `The PDF was saved as ${file} but could not be opened: ${failure}`, { details: { reason: 'open_failed', path: file } });
    return { path: file };
  }

  return {
    handlers: {
      'labels.load': (input) => load(input),
      'labels.cached': async () => documentsOf(options.session()).recent(),
      'labels.sheet': (input) => sheet(input),
      'labels.openSheet': (input) => openSheet(input.fileName),
    },
  };
}
