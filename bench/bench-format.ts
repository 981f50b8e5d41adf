// Small helpers the benchmark scripts share: timing, medians and aligned plain-text tables.

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Timing {
  /** Wall-clock seconds. */
  wall: number;
  /** CPU seconds of this process, all threads (user + system): robust when other jobs share the cores. */
  cpu: number;
}

export async function timed(run: () => unknown): Promise<Timing> {
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  await run();
  const cpu = process.cpuUsage(cpuStarted);
  return { wall: Number(process.hrtime.bigint() - started) / 1e9, cpu: (cpu.user + cpu.system) / 1e6 };
}

export const pct = (part: number, whole: number): string =>
  whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`;

export const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');

/** Left-aligned columns, two spaces apart; numbers are passed pre-formatted. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The median of repeated measurements and their range: a README figure quotes all three. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new RangeError('no measurement');
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length };
}

/** `30.0 MB/s (28.1-31.2, 3 runs)`: the median with its unit, then the range over the runs; one run says so. */
export function showSpread(values: readonly number[], digits = 1, unit = ''): string {
  const s = spread(values);
  const f = (n: number) => n.toFixed(digits);
  const range = s.runs === 1 ? '1 run' : `${f(s.min)}-${f(s.max)}, ${s.runs} runs`;
  return `${f(s.median)}${unit} (${range})`;
}
