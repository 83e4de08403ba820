import { ConnectError } from '../connect';

/** One `field="value"` comparison; clauses of a filter are joined by AND. */
export interface FilterClause {
  field: string;
  value: string;
}

const MAX_FILTER_LENGTH = 1024;
const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  "'": "'",
};

/**
 * Parses `a="x"` and `a="x" AND b="y"` (AIP-160 subset). Values are Go %q-quoted strings.
 * Anything else, or a field not in `allowed`, is invalid_argument.
 */
export function parseFilter(filter: string, allowed: readonly string[]): FilterClause[] {
  if (filter.length > MAX_FILTER_LENGTH) throw invalid(`filter is longer than ${MAX_FILTER_LENGTH} characters`);
  const clauses: FilterClause[] = [];
  let pos = skipSpace(filter, 0);
  if (pos === filter.length) return clauses;
  for (;;) {
    const ident = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(filter.slice(pos));
    if (!ident) throw invalid(`expected a field name at offset ${pos}`);
    const field = ident[0];
    if (!allowed.includes(field)) throw invalid(`unsupported filter field "${field}"; supported: ${allowed.join(', ')}`);
    pos = skipSpace(filter, pos + field.length);
    if (filter[pos] !== '=') throw invalid(`expected '=' after ${field}`);
    pos = skipSpace(filter, pos + 1);
    const parsed = parseQuoted(filter, pos);
    clauses.push({ field, value: parsed.value });
    pos = skipSpace(filter, parsed.end);
    if (pos === filter.length) return clauses;
    if (filter.startsWith('AND', pos) && /\s/.test(filter[pos + 3] ?? '') && /\s/.test(filter[pos - 1])) {
      pos = skipSpace(filter, pos + 3);
      continue;
    }
    throw invalid(`unexpected "${filter.slice(pos, pos + 10)}" at offset ${pos}; only AND is supported`);
  }
}

function parseQuoted(text: string, start: number): { value: string; end: number } {
  if (text[start] !== '"') throw invalid(`expected a double-quoted value at offset ${start}`);
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') return { value, end: i + 1 };
    if (ch !== '\\') {
      value += ch;
      i++;
      continue;
    }
    const esc = text[i + 1];
    if (esc !== undefined && SIMPLE_ESCAPES[esc] !== undefined) {
      value += SIMPLE_ESCAPES[esc];
      i += 2;
      continue;
    }
    const width = esc === 'x' ? 2 : esc === 'u' ? 4 : esc === 'U' ? 8 : 0;
    const hex = text.slice(i + 2, i + 2 + width);
    if (width === 0 || !new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) throw invalid(`bad escape sequence at offset ${i}`);
    const codePoint = parseInt(hex, 16);
    if (codePoint > 0x10ffff) throw invalid(`bad escape sequence at offset ${i}`);
    value += String.fromCodePoint(codePoint);
    i += 2 + width;
  }
  throw invalid('unterminated string in filter');
}

function skipSpace(text: string, pos: number): number {
  while (pos < text.length && /\s/.test(text[pos])) pos++;
  return pos;
}

function invalid(detail: string): ConnectError {
  return new ConnectError('invalid_argument', `invalid filter: ${detail}`);
}
