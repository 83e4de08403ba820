/**
 * Redaction applied to everything that leaves the process as text (logs, error details, terminal output).
 * Known secrets are registered at run time; patterns catch credentials we were never told about.
 */
const known = new Map<string, string[]>();
let ordered: string[] = [];

/**
 * Register a secret value so every later redact() call masks it, together with the forms it travels in
 * (the Basic `apikey:` header value, URL- and JSON-escaped). Short values are ignored (too many false hits).
 */
export function registerSecret(value: string | undefined): void {
  if (!value || value.length < 6 || known.has(value)) return;
  const forms = new Set([value, Buffer.from(`apikey:${value}`, 'utf8').toString('base64'), encodeURIComponent(value), JSON.stringify(value).slice(1, -1)]);
  known.set(value, [...forms]);
  reorder();
}

export function forgetSecret(value: string | undefined): void {
  if (value && known.delete(value)) reorder();
}

// Longest first, so a secret that contains another is masked whole.
function reorder(): void {
  ordered = [...new Set([...known.values()].flat())].sort((a, b) => b.length - a.length);
}

const SECRET_KEYS = 'password|passwd|token|access_token|refresh_token|id_token|secret|client_secret|secret_key|sk|ak|api_key|apikey|securitytoken|security_token';
const HEADER_KEYS = 'authorization|proxy-authorization|x-cos-auth-token|x-auth-token|x-subject-token|x-security-token';

const PATTERNS: [RegExp, string][] = [
  // "password": "with spaces \" and escapes"
  [new RegExp(`(["'])(${SECRET_KEYS}|${HEADER_KEYS})\\1(\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi'), '$1$2$1$3"***"'],
  [new RegExp(`\\b(${HEADER_KEYS})(["']?\\s*[:=]\\s*["']?)[^"'\\r\\n,}]+`, 'gi'), '$1$2***'],
  [/\b(Basic|Bearer)\s+[A-Za-z0-9._~+/=-]{6,}/g, '$1 ***'],
  [/(SDK-HMAC-SHA256\s+Access=)[^,\s]+(,\s*SignedHeaders=[^,\s]+,\s*Signature=)[0-9a-f]+/g, '$1***$2***'],
  [new RegExp(`\\b(${SECRET_KEYS})(["']?\\s*[:=]\\s*["']?)[^"'\\s,}&]+`, 'gi'), '$1$2***'],
];

export function redact(text: string): string {
  let out = text;
  for (const secret of ordered) {
    if (out.includes(secret)) out = out.split(secret).join('***');
  }
  for (const [re, replacement] of PATTERNS) out = out.replace(re, replacement);
  return out;
}
