/** File names of dated exports: `access-matrix-<org>-<yyyymmdd-HHmm>.<ext>`, in local time. */
export type ExportKind = 'access-matrix' | 'users' | 'access-changes';

/** Longest organization part of a file name (slugs are short; a hostile one must not make a name the OS refuses). */
const MAX_ORG_IN_NAME = 64;

/** An organization slug as part of a file name: only [A-Za-z0-9._-], anything else becomes '-'; empty → 'organization'. */
export function fileNameSlug(org: string): string {
  const safe = [...org]
    .slice(0, MAX_ORG_IN_NAME)
    .map((c) => (/^[A-Za-z0-9._-]$/.test(c) ? c : '-'))
    .join('')
    .replace(/^\.+/, (dots) => '-'.repeat(dots.length)); // no hidden file, no ".." as a name part
  return safe || 'organization';
}

const two = (n: number) => String(n).padStart(2, '0');

/** `yyyymmdd-HHmm` of a time in local time. */
export function fileNameStamp(date: Date): string {
  return `${date.getFullYear()}${two(date.getMonth() + 1)}${two(date.getDate())}-${two(date.getHours())}${two(date.getMinutes())}`;
}

/** `<kind>-<org>-<yyyymmdd-HHmm>.<ext>`, e.g. `access-matrix-acme-20261207-1605.csv`. */
export function datedFileName(kind: ExportKind, org: string, date: Date, ext: string): string {
  return `${kind}-${fileNameSlug(org)}-${fileNameStamp(date)}.${ext}`;
}

/**
 * The organization part of a dated file name written by datedFileName (any directory in front is ignored), or
 * undefined when the name does not have that shape.
 */
export function organizationInFileName(kind: ExportKind, fileName: string): string | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const m = new RegExp(`^${kind}-([A-Za-z0-9._-]+)-\\d{8}-\\d{4}(?: ?\\(\\d+\\))?\\.[A-Za-z]+$`).exec(base);
  return m?.[1];
}
