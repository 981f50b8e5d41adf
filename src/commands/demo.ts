// `exposure demo`: the embedded default. Starts the fake Atlassian site in-process on a free port, scans it
// into a demo database, prints the exposure table and the path of the HTML report. No account needed.
import type { Command } from 'commander';
import { rmSync } from 'node:fs';
import { loadConfig } from '../config.ts';
import { createSiteContent, DEFAULT_SITE_SPEC } from '../fake-site/generator.ts';
import { EXIT, UsageError } from '../errors.ts';

interface DemoFlags {
  db?: string;
  html?: string;
  seed?: string;
  issues?: string;
  pages?: string;
  quiet?: boolean;
  keyFile?: string;
}

// Applied here rather than by commander, which would print them quoted after the help's own "(default: ...)".
const DEFAULTS = {
  db: 'data/demo.db',
  html: 'data/demo-report.html',
  seed: String(DEFAULT_SITE_SPEC.seed),
  issues: String(DEFAULT_SITE_SPEC.issues),
  pages: String(DEFAULT_SITE_SPEC.pages),
};

function wholeNumber(flag: string, value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isSafeInteger(n) || n < 0) {
    throw new UsageError(`--${flag}: must be a whole number, 0 or more`);
  }
  return n;
}

export async function runDemo(given: DemoFlags): Promise<number> {
  const flags = { ...DEFAULTS, ...given };
  const spec = {
    ...DEFAULT_SITE_SPEC,
    seed: wholeNumber('seed', flags.seed),
    issues: wholeNumber('issues', flags.issues),
    pages: wholeNumber('pages', flags.pages),
  };
  // Loaded here, not at start-up: every other command would pay for the clients and the fake site.
  const [{ startFakeSite }, { runScan }, { writeHtmlReport }] = await Promise.all([
    import('../fake-site/server.ts'),
    import('./scan-run.ts'),
    import('./report.ts'),
  ]);
  const site = await startFakeSite({ content: createSiteContent(spec) });
  try {
    process.stderr.write(
      `demo: fake Atlassian site at ${site.url} (seed ${spec.seed}, ${spec.issues} issues, ${spec.pages} pages)\n`,
    );
    // A fresh database each time, so the demo always shows a full first scan.
    for (const suffix of ['', '-wal', '-shm']) rmSync(flags.db + suffix, { force: true });
    // Only the demo's own settings: real credentials in the environment or a config file must not leak in.
    const config = loadConfig({
      configFile: false,
      env: { ATLASSIAN_API_TOKEN: site.token, EXPOSURE_KEY_FILE: process.env.EXPOSURE_KEY_FILE },
      flags: {
        site: site.url,
        email: site.email,
        db: flags.db,
        keyFile: flags.keyFile,
        mode: 'full',
        archived: true,
        allowPartial: true,
        logLevel: 'error',
      },
    });
    const code = await runScan(config, {
      stdout: process.stdout,
      stderr: process.stderr,
      progress: !flags.quiet && process.stderr.isTTY === true,
      terminal: process.stderr.isTTY === true,
    });
    process.stderr.write(
      'demo: on purpose, the demo account cannot browse the project FIN (its administrator token lists it, so it ' +
        'is reported as not covered) nor view the space LEGAL and a few restricted pages (no listing shows them, ' +
        'so nothing can report them: see "What a scan can see" in the README)\n',
    );
    const { path } = await writeHtmlReport(flags.db, flags.html, { plan: 'standard', excluded: [] });
    process.stdout.write(`\nHTML report: ${path}\n`);
    // npx: a fresh clone has no `exposure` on PATH, but npx finds the package's own bin inside the clone.
    process.stdout.write(`Next: npx exposure export csv --db ${flags.db} --out findings.csv\n`);
    return code === EXIT.incomplete ? EXIT.ok : code;
  } finally {
    await site.stop();
  }
}

const EXAMPLES = `
Starts a fake Atlassian Cloud site on a free loopback port (no account, no network), scans it, prints the
exposure table per space and project and the path of the HTML report, and exits 0.

Examples:
  npm run demo                                  same as: npx exposure demo
  npx exposure demo --issues 10000 --pages 2000 a bigger site
  npx exposure report --db data/demo.db         the demo's table again, without rescanning`;

export function register(program: Command): void {
  program
    .command('demo')
    .description('scan the built-in fake Atlassian site and write a demo report (no account needed)')
    .option('--db <path>', `demo database, recreated on each run (default: ${DEFAULTS.db})`)
    .option('--html <file>', `HTML report (default: ${DEFAULTS.html})`)
    .option('--seed <n>', `fake site content seed (default: ${DEFAULTS.seed})`)
    .option('--issues <n>', `issues on the fake site (default: ${DEFAULTS.issues})`)
    .option('--pages <n>', `pages on the fake site (default: ${DEFAULTS.pages})`)
    .option(
      '--key-file <path>',
      'fingerprint key (default: $EXPOSURE_KEY_FILE or ~/.config/exposure/fingerprint.key)',
    )
    .option('-q, --quiet', 'no progress bars (they are also off when stderr is not a terminal)')
    .addHelpText('after', EXAMPLES)
    .action(async (flags: DemoFlags) => {
      process.exitCode = await runDemo(flags);
    });
}
