// What a stage reports: { passed, failed, skipped, failures: [{ title, message }], skippedTests: [{ title, reason }] }.
// A child's result counts only together with how the child ended: a result file from a child that then
// crashed, or that had to be killed after its tests finished, is a failure saying so.
import { existsSync, readFileSync } from 'node:fs';

export const ok = () => ({ passed: 0, failed: 0, skipped: 0, failures: [], skippedTests: [] });

export const failed = (title, message) => ({ ...ok(), failed: 1, failures: [{ title, message }] });

export function merge(...results) {
  return results.reduce(
    (a, b) => ({
      passed: a.passed + b.passed,
      failed: a.failed + b.failed,
      skipped: a.skipped + (b.skipped ?? 0),
      failures: [...a.failures, ...b.failures],
      skippedTests: [...a.skippedTests, ...(b.skippedTests ?? [])],
    }),
    ok(),
  );
}

export const testCount = (result) => result.passed + result.failed + result.skipped;

/** The tests that reported: 0 when the run never started. */
function readResultFile(resultFile) {
  if (!resultFile || !existsSync(resultFile)) return undefined;
  try {
    const data = JSON.parse(readFileSync(resultFile, 'utf8'));
    return { ...ok(), ...data, skipped: data.skipped ?? 0, skippedTests: data.skippedTests ?? [] };
  } catch (error) {
    return failed(`${resultFile}`, `unreadable result file: ${error.message}`);
  }
}

/**
 * The result of a child test run: its result file AND its end.
 * `end`: { code, signal, timedOut, timeoutMs, reason } — `code` 0 is the only clean end.
 */
export function childResult(what, resultFile, end) {
  const fromFile = readResultFile(resultFile);
  const how = end.timedOut
    ? `had to be killed after ${Math.round((end.timeoutMs ?? 0) / 1000)} s`
    : (end.reason ??
      (end.error ? `could not start (${end.error.message})` : end.signal ? `was killed by ${end.signal}` : `exited with code ${end.code}`));
  if (!fromFile) return failed(what, `wrote no test result; it ${how}`);
  if (!end.timedOut && end.code === 0) return fromFile;
  if (end.code !== 0 && !end.timedOut && fromFile.failed > 0 && end.code === 1) return fromFile; // failing tests: exit code 1 says just that
  const when = fromFile.failed > 0 ? 'with failing tests' : 'after its tests finished';
  return merge(fromFile, failed(what, `${what} ${how} ${when}`));
}

/** Under CI=true a skipped test is a failure naming it (a fresh machine must run everything). */
export function skippedAsFailures(result) {
  return merge(result, {
    ...ok(),
    failed: result.skippedTests.length,
    failures: result.skippedTests.map(({ title, reason }) => ({ title, message: `skipped under CI=true${reason ? `: ${reason}` : ''}` })),
  });
}
