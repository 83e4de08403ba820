/**
 * Server text in Markdown: characters that start markup or HTML anywhere are escaped, `_` only where it could
 * start or end emphasis (so ROLE_CODES stay readable when pasted), list and heading markers only at the start;
 * line breaks become spaces.
 */
export function markdownText(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*[\]<>|~&]/g, (c) => `\\${c}`)
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/^(\s*)([#+\-=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}
