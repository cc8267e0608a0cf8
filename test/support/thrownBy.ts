/**
 * The error `run` throws, checked to be a `type` so a test can go on to assert its code, field or
 * issues. Any other error is rethrown unchanged, and not throwing at all fails the test.
 */
export function thrownBy<E extends Error>(type: abstract new (...args: never[]) => E, run: () => unknown): E {
  try {
    run();
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected a ${type.name} to be thrown`);
}

/** The same for a promise: the `type` it rejects with; any other rejection is rethrown, resolving fails the test. */
export async function rejectedWith<E extends Error>(type: abstract new (...args: never[]) => E, promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected a ${type.name} rejection`);
}
