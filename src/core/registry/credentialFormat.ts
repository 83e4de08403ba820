import type { BasicCredential } from '../coscene/model';
import { parse, stringify } from '../profiles/lazyYaml';

/** Output shapes of `cocli registry create-credential [-o json|yaml|table]` (docs/protocol.md). */
export type CredentialFormat = 'plain' | 'json' | 'yaml' | 'table';

/** `structpb.Struct` JSON: keys sorted, re-indented with 2 spaces. */
export function credentialAsJson(cred: BasicCredential): string {
  return `${JSON.stringify({ password: cred.password, username: cred.username }, null, 2)}\n`;
}

/**
 * Written by the `yaml` library: plain scalars where both a YAML 1.2 and a YAML 1.1 reader (which retypes `0o17`,
 * `0x1F`, `2024-01-01`, `yes`, `1:20`, …) read them back as the same strings, double-quoted otherwise.
 */
export function credentialAsYaml(cred: BasicCredential): string {
  const value = { password: cred.password, username: cred.username };
  const plain = stringify(value, { lineWidth: 0 });
  if (readsBackAsStrings(plain, value)) return plain;
  return stringify(value, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
}

function readsBackAsStrings(text: string, value: Record<string, string>): boolean {
  return (['1.2', '1.1'] as const).every((version) => {
    try {
      const read = parse(text, { version }) as Record<string, unknown> | null;
      return !!read && Object.keys(value).every((k) => read[k] === value[k]);
    } catch {
      return false;
    }
  });
}

const FIELD_WIDTH = 20;
const VALUE_WIDTH = 120;

/** cocli's table printer: every column padded to width + 5 cells, over-long values cut with "...". */
export function credentialAsTable(cred: BasicCredential): string {
  const row = (field: string, value: string) => cell(field, FIELD_WIDTH) + cell(value, VALUE_WIDTH);
  return [row('Field', 'Value'), row('USERNAME', cred.username), row('PASSWORD', cred.password)].join('\n') + '\n';
}

/** The default output: the registry host line only when it could be inferred. */
export function credentialAsPlainLines(cred: BasicCredential, endpoint: string, host?: string): string {
  const lines = [`base API endpoint: ${endpoint}`];
  if (host) lines.push(`registry host: ${host}`);
  lines.push(`username: ${cred.username}`, `password: ${cred.password}`);
  return lines.join('\n') + '\n';
}

export function formatCredential(format: CredentialFormat, cred: BasicCredential, endpoint: string, host?: string): string {
  switch (format) {
    case 'json':
      return credentialAsJson(cred);
    case 'yaml':
      return credentialAsYaml(cred);
    case 'table':
      return credentialAsTable(cred);
    case 'plain':
      return credentialAsPlainLines(cred, endpoint, host);
  }
}

function cell(value: string, trimSize: number): string {
  const text = displayWidth(value) > trimSize ? truncate(value, trimSize) : value;
  return text + ' '.repeat(trimSize + 5 - displayWidth(text));
}

function truncate(value: string, width: number): string {
  let out = '';
  for (const ch of value) {
    if (displayWidth(out + ch) > width - 3) break;
    out += ch;
  }
  return `${out}...`;
}

/** East-Asian wide characters count as two cells, as go-runewidth does. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}
