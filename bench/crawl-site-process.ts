// The fake site in a process of its own, so the crawl's wall time, CPU and memory are the crawler's alone, as
// against a real site. Run as a script it serves `--issues`, `--pages` (pages a fifth of issues by default)
// with `--latency` ms per request and prints its address as one JSON line; it exits when stdin closes.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startFakeSite } from '../src/fake-site/server.ts';

export interface SiteAddress {
  url: string;
  email: string;
  token: string;
}

export interface SiteProcess extends SiteAddress {
  stop(): Promise<void>;
}

export interface SiteSize {
  issues: number;
  pages: number;
  latencyMs: number;
}

export async function startSiteProcess(size: SiteSize): Promise<SiteProcess> {
  const args = [
    '--issues',
    String(size.issues),
    '--pages',
    String(size.pages),
    '--latency',
    String(size.latencyMs),
  ];
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lines = createInterface({ input: child.stdout });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`fake site process exited (${code}) before serving`)));
  });
  lines.close();
  const address = JSON.parse(first) as SiteAddress;
  return {
    ...address,
    async stop() {
      child.stdin.end();
      await exited;
    },
  };
}

async function serve(): Promise<void> {
  const { values } = parseArgs({
    options: { issues: { type: 'string' }, pages: { type: 'string' }, latency: { type: 'string' } },
  });
  const latencyMs = Number(values.latency ?? 0);
  const issues = Number(values.issues ?? 2000);
  const spec = { issues, pages: Number(values.pages ?? Math.round(issues / 5)) };
  const site = await startFakeSite({ spec, faults: latencyMs > 0 ? { rules: [{ latencyMs }] } : {} });
  process.stdout.write(`${JSON.stringify({ url: site.url, email: site.email, token: site.token })}\n`);
  process.stdin.resume();
  process.stdin.once('end', () => void site.stop().then(() => process.exit(0)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await serve();
