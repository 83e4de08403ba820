import type { BasicCredential } from '../coscene/model';

/** Output shapes of `cocli registry create-credential [-o json|yaml|table]` (docs/protocol.md). */
export type CredentialFormat = 'plain' | 'json' | 'yaml' | 'table';

/** `structpb.Struct` JSON: keys sorted, re-indented with 2 spaces. */
export function credentialAsJson(cred: BasicCredential): string {
  return `${JSON.stringify({ password: cred.password, username: cred.username }, null, 2)}\n`;
}

export function credentialAsYaml(cred: BasicCredential): string {
  return `password: ${yamlScalar(cred.password)}\nusername: ${yamlScalar(cred.username)}\n`;
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
    case 'json': return credentialAsJson(cred);
    case 'yaml': return credentialAsYaml(cred);
    case 'table': return credentialAsTable(cred);
    case 'plain': return credentialAsPlainLines(cred, endpoint, host);
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
  return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x3fffd);
}

/** Plain when YAML reads it back as the same string, else double-quoted (JSON escapes are valid YAML). */
function yamlScalar(value: string): string {
  const plain = /^[A-Za-z0-9_./+=~^@-][A-Za-z0-9_./+=~^@ -]*$/.test(value) && !value.endsWith(' ') &&
    !/^(?:~|null|true|false|yes|no|on|off|y|n)$/i.test(value) && !/^[-+]?(?:\d[\d_]*)?\.?\d*(?:e[-+]?\d+)?$/i.test(value) &&
    !/^[-+]?\.(?:inf|nan)$/i.test(value) && !value.startsWith('- ') && value !== '-';
  return plain ? value : JSON.stringify(value);
}
