import { PosError } from '../../shared/errors';

/** The message to show for a failed call; PosError messages are written for people. */
export function errorMessage(error: unknown): string {
  if (error instanceof PosError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
