// The failed tests of a vitest JSON report, one line each (file › test: the failure's first line), so a summary at the
// end of a long run names what failed, not only which suite.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const MESSAGE_CHARS = 300;

/** Strips terminal colours and keeps the first non-empty line of a failure message. */
function firstLine(message) {
  // eslint-disable-next-line no-control-regex
  const plain = String(message ?? '').replace(/\u001b\[[0-9;]*m/g, '');
  const line = plain.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.length > MESSAGE_CHARS ? `${line.slice(0, MESSAGE_CHARS)}…` : line;
}

/**
 * Lines naming each failed test of one report (`label` says which run), and each file that failed outside any test
 * (an error in a hook or at import). Empty when the report is missing or unreadable.
 */
export function failedTestLines(reportFile, label) {
  let report;
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8'));
  } catch {
    return [];
  }
  const lines = [];
  for (const file of report.testResults ?? []) {
    const where = relative(process.cwd(), file.name ?? '');
    const failed = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
    for (const t of failed)
      lines.push(`${label}: ${where} › ${t.fullName ?? t.title}: ${firstLine(t.failureMessages?.[0])}`);
    if (failed.length === 0 && file.status === 'failed')
      lines.push(`${label}: ${where}: ${firstLine(file.message) || 'failed outside any test'}`);
  }
  return lines;
}
