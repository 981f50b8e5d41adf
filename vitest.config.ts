import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Tests that drive child processes (the built binary, npx, large-body children) or whole scans with signals run each
// in a fresh worker. The rest share their worker's modules: each file would otherwise load and compile the rules
// again, which took a third of the suite's time (measured: 935 s -> 609 s for the whole suite on 2 cores).
const ISOLATED = [
  'test/e2e/**/*.test.ts',
  'test/cli/**/*.test.ts',
  'test/cli.test.ts',
  'test/hardening/**/*.test.ts',
];

export default defineConfig({
  test: {
    pool: 'forks',
    // Vitest's default leaves one core idle (cores - 1): one worker on the 2-core CI machine, while most test time is
    // spent waiting on child processes and sockets. Every core: the suite took 444 s instead of 732 s.
    maxWorkers: availableParallelism(),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
    projects: [
      { extends: true, test: { name: 'isolated', include: ISOLATED, isolate: true } },
      {
        extends: true,
        test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: ISOLATED, isolate: false },
      },
    ],
  },
});
