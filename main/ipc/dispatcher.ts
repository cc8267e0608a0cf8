import { type z } from 'zod';
import { contract, type ContractHandlers, type MethodName } from '../../shared/contract';
import type { AnyMethodSpec } from '../../shared/contract/define';
import { ServiceError, type PosResult, type ValidationIssue } from '../../shared/errors';
import type { Logger } from '../logging/logger';

export type Dispatch = (method: string, rawInput: unknown) => Promise<PosResult<unknown>>;

function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export function toValidationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

function describeIssues(method: string, issues: readonly ValidationIssue[]): string {
  const parts = issues.slice(0, 3).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  return `Invalid input for ${method}: ${parts.join('; ')}`;
}

/**
 * The single door every host calls through: unknown method and invalid input become typed errors,
 * service errors keep their code, and anything unexpected is logged and reported as `internal`.
 */
export function createDispatcher(handlers: ContractHandlers, logger: Logger, onCall?: (method: MethodName) => void): Dispatch {
  return async (method, rawInput) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `Unknown method "${method}"` } };
    }
    onCall?.(method);
    const spec: AnyMethodSpec = contract[method];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issues = toValidationIssues(parsed.error);
      return { ok: false, error: { code: 'validation', message: describeIssues(method, issues), issues } };
    }
    const handler = handlers[method] as (input: unknown) => Promise<unknown>;
    try {
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof ServiceError) return { ok: false, error: error.toShape() };
      logger.error(`Unexpected failure in ${method}`, error);
      return { ok: false, error: { code: 'internal', message: `${method} failed unexpectedly; see the app log for details` } };
    }
  };
}
