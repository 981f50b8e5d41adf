// Progress bars per product on a TTY (items done / estimated total, rate, ETA, throttling); nothing otherwise.
import cliProgress from 'cli-progress';
import type { ProgressSink } from '../crawl/context.ts';
import type { Product } from '../types.ts';

export interface ProgressDisplay extends ProgressSink {
  stop(): void;
}

const NONE: ProgressDisplay = { total() {}, advance() {}, stop() {} };

export function createProgress(enabled: boolean): ProgressDisplay {
  if (!enabled) return NONE;
  const multi = new cliProgress.MultiBar(
    {
      stream: process.stderr,
      format: ' {product} [{bar}] {value}/{total} items | {rate}/s | ETA {eta_formatted} {state}',
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const bars = new Map<
    Product,
    { bar: cliProgress.SingleBar; done: number; started: number; total: number }
  >();
  const bar = (product: Product) => {
    let entry = bars.get(product);
    if (!entry) {
      entry = {
        bar: multi.create(0, 0, { product: product.padEnd(10), rate: '0', state: '' }),
        done: 0,
        started: Date.now(),
        total: 0,
      };
      bars.set(product, entry);
    }
    return entry;
  };
  return {
    total(product, n) {
      const entry = bar(product);
      entry.total = n ?? 0;
      entry.bar.setTotal(Math.max(entry.total, entry.done));
    },
    advance(product, n, throttled = false) {
      const entry = bar(product);
      entry.done += n;
      const seconds = Math.max(1, (Date.now() - entry.started) / 1000);
      // The approximate count can be below the truth: never let the bar overflow its total.
      entry.bar.setTotal(Math.max(entry.total, entry.done));
      entry.bar.update(entry.done, {
        rate: (entry.done / seconds).toFixed(0),
        state: throttled ? '(throttled)' : '',
      });
    },
    stop() {
      multi.stop();
    },
  };
}
