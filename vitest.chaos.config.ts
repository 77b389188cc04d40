import { defineConfig } from 'vitest/config';

// `npm run test:chaos` (tests/chaos/run.ts): the long fault, fuzz and load suites, one file at a time in
// one fork, so that a suite's server child and clients have the machine to themselves. Each test sets its
// own time limit from the run's length; these are the ceilings.
export default defineConfig({
  test: {
    include: ['tests/chaos/**/*.chaos.ts'],
    environment: 'node',
    testTimeout: 30 * 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    reporters: ['default', 'json'],
    outputFile: { json: '.tmp/chaos-report.json' },
  },
});
