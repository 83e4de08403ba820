/**
 * Redaction applied to everything that leaves the process as text (logs, error details, terminal output).
 * Known secrets are registered at run time; patterns catch credentials we were never told about.
 */
const known = new Set<string>();

/** Register a secret value so every later redact() call masks it. Short values are ignored (too many false hits). */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 6) known.add(value);
}

export function forgetSecret(value: string | undefined): void {
  if (value) known.delete(value);
}

const PATTERNS: [RegExp, string][] = [
  [/\b(authorization|x-cos-auth-token|x-auth-token|x-subject-token|x-security-token)(["']?\s*[:=]\s*["']?)[^"'\r\n,}]+/gi, '$1$2***'],
  [/\b(Basic|Bearer)\s+[A-Za-z0-9._~+/=-]{6,}/g, '$1 ***'],
  [/(SDK-HMAC-SHA256\s+Access=)[^,\s]+(,\s*SignedHeaders=[^,\s]+,\s*Signature=)[0-9a-f]+/g, '$1***$2***'],
  [/\b(password|token|secret|sk|secret_key|securitytoken)(["']?\s*[:=]\s*["']?)[^"'\s,}]+/gi, '$1$2***'],
];

export function redact(text: string): string {
  let out = text;
  for (const secret of known) {
    if (out.includes(secret)) out = out.split(secret).join('***');
  }
  for (const [re, replacement] of PATTERNS) out = out.replace(re, replacement);
  return out;
}
