// Progress bars per product on a TTY (items done / estimated total, rate, ETA, throttling); nothing otherwise.
import cliProgress from 'cli-progress';
import type { ProgressSink } from '../crawl/context.ts';
import type { Product } from '../types.ts';

export interface ProgressDisplay extends ProgressSink {
  /** A log line for stderr: printed above the bars while they are drawn, so neither garbles the other. */
  log(line: string): void;
  stop(): void;
}

/** What one product's line shows; `total` undefined when the site gave no estimate. */
export interface ProductProgress {
  product: Product;
  done: number;
  total: number | undefined;
  /** Items per second between the product's first and latest report (a finished product keeps its rate). */
  rate: number;
  /** Seconds left as the library estimates it from recent updates; ignored without a total. */
  etaSeconds: number;
  throttled: boolean;
}

/** A throttle is reported only at an item update: keep it on screen this long so a short pause is seen. */
const THROTTLE_SHOWN_MS = 3000;

const toStderr = (line: string) => void process.stderr.write(line);
const NONE: ProgressDisplay = { total() {}, advance() {}, log: toStderr, stop() {} };

export function progressLine(p: ProductProgress, bar: string, formatTime: (s: number) => string): string {
  const known = p.total !== undefined;
  const eta = known && p.done > 0 && Number.isFinite(p.etaSeconds) ? formatTime(p.etaSeconds) : '?';
  const state = p.throttled ? ' | throttled: waiting for the site' : '';
  return (
    ` ${p.product.padEnd(10)} [${bar}] ${p.done}/${known ? p.total : '?'} items` +
    ` | ${p.rate.toFixed(0)}/s | ETA ${eta}${state}`
  );
}

interface Entry {
  bar: cliProgress.SingleBar;
  done: number;
  total: number | undefined;
  started: number;
  lastAdvance: number;
  throttledAt: number;
}

export function createProgress(enabled: boolean): ProgressDisplay {
  if (!enabled) return NONE;
  const entries = new Map<Product, Entry>();
  let stopped = false;
  // The approximate count can be below the truth: never let the bar overflow its total.
  const barTotal = (e: Entry) => Math.max(e.total ?? 0, e.done);
  const format: cliProgress.GenericFormatter = (options, params, payload: { product: Product }) => {
    const entry = entries.get(payload.product);
    if (!entry) return '';
    const now = Date.now();
    const line: ProductProgress = {
      product: payload.product,
      done: entry.done,
      total: entry.total === undefined ? undefined : barTotal(entry),
      rate: entry.done / Math.max(1, (entry.lastAdvance - entry.started) / 1000),
      etaSeconds: Number(params.eta),
      throttled: now - entry.throttledAt < THROTTLE_SHOWN_MS,
    };
    // Without an estimate the fill would claim 100%: draw an empty bar instead.
    const fill = entry.total === undefined ? 0 : params.progress;
    return progressLine(line, cliProgress.Format.BarFormat(fill, options), (s) =>
      cliProgress.Format.TimeFormat(s, options, 5),
    );
  };
  const multi = new cliProgress.MultiBar(
    {
      stream: process.stderr,
      format,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
      fps: 5,
      // A log line printed above the bars takes their place on screen: redraw them even when unchanged.
      forceRedraw: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const entry = (product: Product): Entry => {
    let found = entries.get(product);
    if (!found) {
      found = {
        bar: multi.create(0, 0, { product }),
        done: 0,
        total: undefined,
        started: Date.now(),
        lastAdvance: Date.now(),
        throttledAt: 0,
      };
      entries.set(product, found);
    }
    return found;
  };
  return {
    total(product, n) {
      const e = entry(product);
      e.total = n;
      e.bar.setTotal(barTotal(e));
    },
    advance(product, n, throttled = false) {
      const e = entry(product);
      e.done += n;
      e.lastAdvance = Date.now();
      if (throttled) e.throttledAt = e.lastAdvance;
      e.bar.setTotal(barTotal(e));
      e.bar.update(e.done);
    },
    log(line) {
      if (entries.size > 0 && !stopped) multi.log(line);
      else toStderr(line);
    },
    stop() {
      if (stopped || entries.size === 0) return;
      stopped = true;
      multi.update(); // draws the lines logged since the last frame: stop() alone would drop them
      multi.stop();
    },
  };
}
