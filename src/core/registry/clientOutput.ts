/**
 * The part of a failed client's stderr worth showing in a notification: docker prints logrus
 * `level=info` lines about each endpoint it tried before the actual reason.
 */
export function clientFailureSummary(stderr: string, maxLength = 600): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const meaningful = lines.filter((l) => !/\blevel=(?:info|debug|trace)\b/.test(l));
  const text = (meaningful.length ? meaningful : lines).join('\n');
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}
