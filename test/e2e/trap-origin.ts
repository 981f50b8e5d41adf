// A loopback server standing for "any other origin": it records every request it receives and whether it carried
// credentials. A leak test lures the scanner towards it and expects it to stay untouched.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TrapOrigin {
  url: string;
  /** Requests received, and how many of them carried an Authorization header. */
  hits(): { requests: number; credentialed: number };
  stop(): Promise<void>;
}

export async function startTrapOrigin(): Promise<TrapOrigin> {
  let requests = 0;
  let credentialed = 0;
  const server = createServer((request, response) => {
    requests++;
    if (request.headers.authorization) credentialed++;
    response.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits: () => ({ requests, credentialed }),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
