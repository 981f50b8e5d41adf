// A request's JSON body, read under a size cap: the search endpoints take their parameters there.
import type { IncomingMessage } from 'node:http';

const MAX_BODY_BYTES = 1_000_000;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error('request body too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** `{ body }` (undefined when empty), or undefined when the body is not JSON. */
export async function readJsonBody(request: IncomingMessage): Promise<{ body: unknown } | undefined> {
  const raw = await readBody(request);
  try {
    return { body: raw ? (JSON.parse(raw) as unknown) : undefined };
  } catch {
    return undefined;
  }
}
