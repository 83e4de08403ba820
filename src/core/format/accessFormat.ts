import type { Msg } from '../errors';

/** The formats of the access exports (matrix, one user's access, the comparison of two exports). */
export type AccessFormat = 'csv' | 'markdown' | 'json' | 'yaml';
export const ACCESS_FORMATS: readonly AccessFormat[] = ['csv', 'markdown', 'json', 'yaml'];

/** Localises a message (the adapters pass vscode.l10n.t; English by default). */
export type Translate = (m: Msg) => string;

/** Cell text of a project whose member list could not be read. */
export const UNREADABLE_CELL = '?';

export function accessFileExtension(format: AccessFormat): string {
  return format === 'markdown' ? 'md' : format;
}
