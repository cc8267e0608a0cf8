/**
 * The `invoices.*` handlers: the manager's live view of DealPOS invoices across outlets. Every call
 * checks what it can before spending a request (outlet access, a page already fetched), names the
 * role DealPOS refused, and sends nothing when the input is wrong.
 *
 * These calls are live on purpose: a correction or a delete is decided against what DealPOS shows
 * now, so without a connection they are refused (the screen says so) rather than queued.
 */
import type { ContractHandlers } from '../../shared/contract';
import type { InvoiceDetailView, InvoicePage, InvoiceQuota } from '../../shared/contract/invoices';
import { ServiceError } from '../../shared/errors';
import type { CallOptions, DealPosClient } from '../dealpos/dealPosClient';
import { DealPosNotFoundError } from '../dealpos/errors';
import type { RequestBudget } from '../dealpos/requestBudget';
import type { InvoiceDetail } from '../dealpos/schemas';
import type { Logger } from '../logging/logger';
import { withRoleNamed } from './dealPosRoles';
import { InvoicePageCache } from './invoicePageCache';
import { invoiceDetailView, invoiceRowView, listingRequestFor, updateBody } from './invoiceViews';

type InvoicesMethod = Extract<keyof ContractHandlers, `invoices.${string}`>;
export type InvoicesHandlers = Pick<ContractHandlers, InvoicesMethod>;

export interface InvoicesServiceOptions {
  readonly client: () => DealPosClient | null;
  readonly budget: () => RequestBudget | null;
  /** Outlet names the DealPOS user may read and write (the Outlet list without `Access=All`). */
  readonly accessibleOutlets: () => Promise<readonly string[]>;
  readonly decimals: () => number;
  readonly logger: Logger;
  readonly now?: () => number;
  /** How long a fetched page is reused. Default one minute. */
  readonly pageMaxAgeMs?: number;
}

export interface InvoicesService {
  readonly handlers: InvoicesHandlers;
}

/** A page waits at most this long for a request slot; past it the screen says the quota is the wait. */
const LIST_MAX_WAIT_MS = 3_000;
const INTERACTIVE: CallOptions = { priority: 'interactive', maxWaitMs: 10_000, timeoutMs: 15_000 };

export function createInvoicesService(options: InvoicesServiceOptions): InvoicesService {
  const now = options.now ?? Date.now;
  const cache = new InvoicePageCache(options.pageMaxAgeMs ?? 60_000, 50, now);

  const clientOrFail = (): DealPosClient => {
    const client = options.client();
    if (!client) throw new ServiceError('not_configured', 'Connect a DealPOS account (or start the demo store) to look up invoices');
    return client;
  };

  /** The DealPOS spelling of each requested outlet, or a `validation` error naming the ones the user cannot access. */
  const checkOutlets = async (requested: readonly string[], path: string): Promise<string[]> => {
    const accessible = await options.accessibleOutlets();
    if (accessible.length === 0) {
      throw new ServiceError('offline', 'The outlet list could not be loaded from DealPOS; this screen needs a connection');
    }
    if (requested.length === 0) return [...accessible];
    const byLower = new Map(accessible.map((name) => [name.toLowerCase(), name]));
    const denied = requested.filter((name) => !byLower.has(name.toLowerCase()));
    if (denied.length > 0) {
      throw new ServiceError('validation', `Your DealPOS user cannot access outlet ${denied.join(', ')}`, {
        issues: [{ path, message: `No access to ${denied.join(', ')}` }],
        details: { reason: 'outlet_not_accessible', outlet: denied.join(', ') },
      });
    }
    return requested.map((name) => byLower.get(name.toLowerCase()) ?? name);
  };

  const unknownInvoice = (outlet: string, number: string, cause?: unknown): ServiceError =>
    new ServiceError('not_found', `Invoice ${number} is not in outlet ${outlet}`, { details: { reason: 'unknown_invoice', outlet, number }, cause });

  const quota = (): InvoiceQuota | null => {
    const snapshot = options.budget()?.snapshot();
    if (!snapshot) return null;
    return {
      limit: snapshot.limit,
      windowSeconds: snapshot.windowSeconds,
      remaining: snapshot.remaining,
      nextSlotAt: new Date(Math.max(snapshot.nextSlotAt, snapshot.blockedUntil ?? 0)).toISOString(),
    };
  };

  const fetchDetail = async (client: DealPosClient, outlet: string, number: string): Promise<InvoiceDetail> => {
    let detail: InvoiceDetail | null;
    try {
      detail = await client.invoiceByNumber({ outlet, number }, INTERACTIVE);
    } catch (error) {
      throw withRoleNamed(error, 'GET', 'Invoice/Number');
    }
    if (!detail) throw unknownInvoice(outlet, number);
    return detail;
  };

  const beyondEnd = (page: number): ServiceError =>
    new ServiceError('not_found', `There is no page ${page}: the list ends before it`, { details: { reason: 'page_beyond_end', page } });

  const handlers: InvoicesHandlers = {
    'invoices.list': async ({ filters, page, pageSize, fresh }) => {
      const client = clientOrFail();
      const outlets = await checkOutlets(filters.outlets, 'filters.outlets');
      const request = listingRequestFor(filters, outlets, { number: page, size: pageSize });
      const key = JSON.stringify(request);
      const hit = fresh ? null : cache.get(key);
      if (hit) {
        if (hit.rows.length === 0 && page > 1) throw beyondEnd(page);
        return { ...hit, cached: true, quota: quota() };
      }
      let rows;
      try {
        rows = await client.listInvoicesMultipleOutlet(request, { priority: 'interactive', maxWaitMs: LIST_MAX_WAIT_MS, timeoutMs: 20_000 });
      } catch (error) {
        throw withRoleNamed(error, 'GET', 'Invoice/MultipleOutlet');
      }
      const decimals = options.decimals();
      const result: InvoicePage = {
        rows: rows.slice(0, pageSize).map((row) => invoiceRowView(row, decimals)),
        page,
        pageSize,
        mayHaveMore: rows.length >= pageSize,
        cached: false,
        fetchedAt: new Date(now()).toISOString(),
        quota: null,
      };
      cache.set(key, result);
      if (result.rows.length === 0 && page > 1) throw beyondEnd(page);
      return { ...result, quota: quota() };
    },

    'invoices.detail': async ({ outlet, number }): Promise<InvoiceDetailView> => {
      const client = clientOrFail();
      const [name = outlet] = await checkOutlets([outlet], 'outlet');
      return invoiceDetailView(await fetchDetail(client, name, number), options.decimals());
    },

    'invoices.update': async ({ outlet, number, edit }) => {
      const client = clientOrFail();
      const [name = outlet] = await checkOutlets([outlet], 'outlet');
      if (edit.fulfillmentOutlet) {
        const [fulfilment = edit.fulfillmentOutlet] = await checkOutlets([edit.fulfillmentOutlet], 'edit.fulfillmentOutlet');
        edit = { ...edit, fulfillmentOutlet: fulfilment };
      }
      const decimals = options.decimals();
      // Read just before writing: PUT replaces the invoice, so the lines and payments sent back must be DealPOS's current ones.
      const current = await fetchDetail(client, name, number);
      try {
        await client.updateInvoice(updateBody(current, edit, decimals), INTERACTIVE);
      } catch (error) {
        if (error instanceof DealPosNotFoundError) throw unknownInvoice(name, number, error);
        throw withRoleNamed(error, 'PUT', 'Invoice');
      } finally {
        cache.clear();
      }
      options.logger.info(`Invoices: ${name} ${number} updated from the back office`);
      return invoiceDetailView(await fetchDetail(client, name, number), decimals);
    },

    'invoices.delete': async ({ outlet, number }) => {
      const client = clientOrFail();
      const [name = outlet] = await checkOutlets([outlet], 'outlet');
      let message: string;
      try {
        message = await client.deleteInvoice({ Outlet: name, Number: number }, INTERACTIVE);
      } catch (error) {
        if (error instanceof DealPosNotFoundError) throw unknownInvoice(name, number, error);
        throw withRoleNamed(error, 'DELETE', 'Invoice');
      } finally {
        cache.clear();
      }
      options.logger.warn(`Invoices: ${name} ${number} deleted (moved to the DealPOS bin) from the back office`);
      return { message };
    },
  };

  return { handlers };
}
