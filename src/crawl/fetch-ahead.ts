// Fetch-ahead for cursor-paged listings: the request for page N+1 is sent as soon as page N's cursor is known,
// so it travels while page N is detected and recorded. The promise is settled (it never rejects) because the
// crawl may stop before reading it, and an unread rejection would crash the process.

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export function settled<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true, value }) as const,
    (error: unknown) => ({ ok: false, error }) as const,
  );
}

/** The value of a settled promise, or its error thrown again. */
export function unwrap<T>(result: Settled<T>): T {
  if (result.ok) return result.value;
  throw result.error;
}
