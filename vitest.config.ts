import { defineConfig } from 'vitest/config';

// Three kinds of tests (docs/design.md §10): unit beside the code, integration (real SDK ↔ simulator,
// real SQLite) and end-to-end (real Chromium against the web host) under test/.
// Every file starts with an empty home and AWS configuration of its own, and its temporary
// folders are removed afterwards (test/support/setup.ts): no test reads the developer's ~/.aws.
const setupFiles = ['test/support/setup.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'test/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          setupFiles,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          setupFiles,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // expect.poll waits for the page to reach a state; its 1 s default would race the
          // browser's real work on a loaded machine, so it waits as long as a Playwright action.
          expect: { poll: { timeout: 30_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
