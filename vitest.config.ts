// Test projects: unit (pure code beside its source), api (real HTTP server and database), e2e (real browser),
// and the slow resilience suites (fuzzing, crashes, restores, stops, an idle browser) that `npm run test:heavy` runs.
import { defineConfig } from 'vitest/config';

/** Fault-injection and property-based suites: minutes each, so they run in their own step (CI runs it too). */
const HEAVY_API = [
  'test/backup-restore.test.ts',
  'test/crash.test.ts',
  'test/db-deadlines.test.ts',
  'test/fuzz.test.ts',
  'test/graceful-stop.test.ts',
  'test/server-robustness.test.ts',
];
/** Browser suites that must wait out a real idle timeout (a minute at least). */
const HEAVY_E2E = ['e2e/session-activity.test.ts'];

const api = {
  environment: 'node' as const,
  fileParallelism: false,
  testTimeout: 60_000,
  hookTimeout: 120_000,
};
const browser = {
  environment: 'node' as const,
  // axe on every page still open after each test (0 violations).
  setupFiles: ['e2e/support/axe-after-each.ts'],
  fileParallelism: false,
  testTimeout: 120_000,
  hookTimeout: 180_000,
};

export default defineConfig({
  test: {
    projects: [
      // Pure code beside its source, on the server and in the web app (web tests are DOM-free: pure modules).
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'web/src/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'api', include: ['test/**/*.test.ts'], exclude: HEAVY_API, ...api } },
      { test: { name: 'e2e', include: ['e2e/**/*.test.ts'], exclude: HEAVY_E2E, ...browser } },
      { test: { name: 'api-heavy', include: HEAVY_API, ...api } },
      { test: { name: 'e2e-heavy', include: HEAVY_E2E, ...browser } },
    ],
  },
});
