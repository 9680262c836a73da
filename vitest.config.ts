import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// Browser journeys in Debian's Chromium against the built app and the local stack: `npm run test:e2e` only
// (it sets MC_E2E=1), so `npm test` stays as fast as it was.
const e2e: TestProjectInlineConfiguration = {
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
};

// Three suites, each at the lowest layer that can catch its bugs (handbook "How we build").
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          // DynamoDB Local + s3rver + gateway, started once on free ports and torn down after.
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          environment: 'node',
          // Bundling ~50 functions for the secrets check takes a while on 2 busy cores.
          testTimeout: 300_000,
        },
      },
      ...(process.env.MC_E2E === '1' ? [e2e] : []),
    ],
  },
});
