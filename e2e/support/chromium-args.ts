// Headless flags for a closed network (no background calls to Google services), as root in CI; shared by the
// browser tests and the benchmarks.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Debian's chromium, or the one KASPR_CHROMIUM names. */
export const CHROMIUM_PATH = process.env.KASPR_CHROMIUM || '/usr/bin/chromium';
