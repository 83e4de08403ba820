import { markdownText } from './markdownText';

/** A Markdown table; every cell (header included) is escaped as server text. */
export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(markdownText).join(' | ')} |`;
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n') + '\n';
}

/** ISO 8601 UTC of an epoch-ms time, as every access export writes it. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
