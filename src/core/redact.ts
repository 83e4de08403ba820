/**
 * Redaction applied to everything that leaves the process as text (logs, error details, terminal output).
 * Known secrets are registered at run time; patterns catch credentials we were never told about.
 *
 * Every rule finds the ranges to mask in the original text and all ranges are masked at once, so one rule
 * cannot hide a secret from another (a registered secret equal to the key word `secret` used to mask the key
 * first, and the value after it then leaked). Every rule is a single forward scan: redact() stays linear in
 * its input, whatever a server sends.
 */
const MASK = '***';

/**
 * Values this short are masked anywhere they occur. Shorter values (down to MIN_WORD_SECRET) are masked only
 * as a whole word: masking every `abc` would cut words such as `abcdef` apart, make logs unreadable, and point
 * at the secret by the holes it leaves. Values under MIN_WORD_SECRET characters are not registered at all
 * (a 1–2 character value would match everywhere); the key patterns below still mask them after a key.
 */
const MIN_ANYWHERE_SECRET = 6;
const MIN_WORD_SECRET = 3;

interface KnownForm {
  text: string;
  wholeWord: boolean;
}

const known = new Map<string, KnownForm[]>();
let ordered: KnownForm[] = [];

/**
 * Register a secret value so every later redact() call masks it, together with the forms it travels in
 * (the Basic `apikey:` header value, URL- and JSON-escaped).
 */
export function registerSecret(value: string | undefined): void {
  if (!value || value.length < MIN_WORD_SECRET || known.has(value)) return;
  known.set(value, formsOf(value));
  reorder();
}

function formsOf(value: string): KnownForm[] {
  const texts = new Set([
    value,
    Buffer.from(`apikey:${value}`, 'utf8').toString('base64'),
    encodeURIComponent(value),
    JSON.stringify(value).slice(1, -1),
  ]);
  return [...texts].map((text) => ({ text, wholeWord: text.length < MIN_ANYWHERE_SECRET }));
}

export function forgetSecret(value: string | undefined): void {
  if (value && known.delete(value)) reorder();
}

function reorder(): void {
  const byText = new Map<string, KnownForm>();
  for (const form of [...known.values()].flat()) {
    const seen = byText.get(form.text);
    if (!seen || (seen.wholeWord && !form.wholeWord)) byText.set(form.text, form);
  }
  ordered = [...byText.values()];
}

/**
 * Keys whose value is a credential, compared lower-cased without `-` and `_` (so `accessToken`, `access_token`
 * and `Access-Token` are one key). Page tokens (`nextPageToken`) are not secrets and stay readable.
 */
const SECRET_KEYS = new Set([
  'password',
  'passwd',
  'pwd',
  'passphrase',
  'token',
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'sessiontoken',
  'authtoken',
  'securitytoken',
  'subjecttoken',
  'secret',
  'clientsecret',
  'secretkey',
  'secretaccesskey',
  'accesskeysecret',
  'privatekey',
  'apikey',
  'sk',
  'ak',
]);
/** Compound keys ending like this are credentials too (`dbPassword`, `client_secret`, `x-api-key`). */
const SECRET_SUFFIXES = [
  'password',
  'passwd',
  'passphrase',
  'secret',
  'secretkey',
  'privatekey',
  'apikey',
  'accesstoken',
  'refreshtoken',
  'sessiontoken',
  'authtoken',
  'securitytoken',
];
/** Header-like keys: an unquoted value runs to the end of the line (`Authorization: Basic …`, cookie lists). */
const HEADER_KEYS = new Set([
  'authorization',
  'proxyauthorization',
  'cookie',
  'setcookie',
  'xcosauthtoken',
  'xauthtoken',
  'xsubjecttoken',
  'xsecuritytoken',
  'xapikey',
]);

type KeyKind = 'header' | 'secret' | undefined;

/** Logs repeat the same few keys; remembering their kind keeps redact() cheap on long key=value text. */
const kindCache = new Map<string, KeyKind>();
const KIND_CACHE_SIZE = 512;
const MAX_KEY_LENGTH = 64;

function keyKind(key: string): KeyKind {
  if (key.length > MAX_KEY_LENGTH) return undefined;
  if (kindCache.has(key)) return kindCache.get(key);
  const k = key.toLowerCase().replace(/[-_]/g, '');
  const kind = HEADER_KEYS.has(k) ? 'header' : SECRET_KEYS.has(k) || SECRET_SUFFIXES.some((s) => k.endsWith(s)) ? 'secret' : undefined;
  if (kindCache.size >= KIND_CACHE_SIZE) kindCache.clear();
  kindCache.set(key, kind);
  return kind;
}

/** A key at a word start, an optional closing quote, then `:` or `=`. */
const KEY_THEN_SEPARATOR = /(?<![\w-])([A-Za-z][\w-]*)["']?[ \t]*[:=][ \t]*/g;
const CREDENTIAL_SCHEMES = /\b(?:Basic|Bearer)\s+([A-Za-z0-9._~+/=-]{6,})/dg;
const HUAWEI_SIGNATURE = /SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=[^,\s]+,\s*Signature=([0-9a-f]+)/dg;
/** `scheme://userinfo@host`: the userinfo (up to the last `@` before the host) is a credential. */
const URL_USERINFO = /:\/\/([^\s/?#"'<>\\`]*)@/dg;

type Range = [start: number, end: number];

/** Masks every registered secret, every `extraSecrets` value (same rules) and every credential the patterns find. */
export function redact(text: string, extraSecrets: readonly string[] = []): string {
  const ranges: Range[] = [];
  registeredRanges(text, ordered, ranges);
  for (const extra of extraSecrets) if (extra.length >= MIN_WORD_SECRET) registeredRanges(text, formsOf(extra), ranges);
  keyValueRanges(text, ranges);
  for (const re of [CREDENTIAL_SCHEMES, HUAWEI_SIGNATURE, URL_USERINFO]) groupRanges(text, re, ranges);
  return mask(text, ranges);
}

function registeredRanges(text: string, forms: readonly KnownForm[], out: Range[]): void {
  for (const { text: secret, wholeWord } of forms) {
    for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + 1)) {
      const end = at + secret.length;
      if (!wholeWord || (!isWordChar(text, at - 1) && !isWordChar(text, end))) out.push([at, end]);
    }
  }
}

function isWordChar(text: string, index: number): boolean {
  return index >= 0 && index < text.length && /[\p{L}\p{N}]/u.test(text[index]);
}

function keyValueRanges(text: string, out: Range[]): void {
  KEY_THEN_SEPARATOR.lastIndex = 0;
  for (let m = KEY_THEN_SEPARATOR.exec(text); m; m = KEY_THEN_SEPARATOR.exec(text)) {
    const kind = keyKind(m[1]);
    const start = m.index + m[0].length;
    if (!kind) {
      // Not a credential key: look for one inside what follows (`x=password=…`), from the separator on.
      KEY_THEN_SEPARATOR.lastIndex = m.index + m[1].length;
      continue;
    }
    const value = valueRange(text, start, kind);
    if (value[1] > value[0]) out.push(value);
    KEY_THEN_SEPARATOR.lastIndex = Math.max(value[1], start);
  }
}

/** Where the value that starts at `start` ends: a quoted string (escapes honoured) or an unquoted run. */
function valueRange(text: string, start: number, kind: 'header' | 'secret'): Range {
  const quote = text[start];
  if (quote === '"' || quote === "'") {
    let i = start + 1;
    while (i < text.length && text[i] !== quote && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
    return [start + 1, Math.min(i, text.length)];
  }
  const stop = kind === 'header' ? /["'\r\n,}]/g : /[\s"',;&}\]]/g;
  stop.lastIndex = start;
  const end = stop.exec(text)?.index ?? text.length;
  return [start, kind === 'header' ? trimEndIndex(text, start, end) : end];
}

function trimEndIndex(text: string, start: number, end: number): number {
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return end;
}

function groupRanges(text: string, re: RegExp, out: Range[]): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (const group of m.indices?.slice(1) ?? []) if (group && group[1] > group[0]) out.push([group[0], group[1]]);
  }
}

/** Replaces each run of overlapping or touching ranges by one MASK. */
function mask(text: string, ranges: Range[]): string {
  if (ranges.length === 0) return text;
  ranges.sort((a, b) => a[0] - b[0]);
  let out = '';
  let copied = 0;
  let [start, end] = ranges[0];
  for (const [s, e] of ranges.slice(1)) {
    if (s <= end) {
      end = Math.max(end, e);
      continue;
    }
    out += text.slice(copied, start) + MASK;
    copied = end;
    [start, end] = [s, e];
  }
  return out + text.slice(copied, start) + MASK + text.slice(end);
}
