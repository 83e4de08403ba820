/** The `-o` formats cocli offers for users and roles (csv is accepted quietly: all columns). */
export type OutputFormat = 'table' | 'wide' | 'json' | 'yaml' | 'csv';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'wide', 'json', 'yaml', 'csv'];

export function isOutputFormat(value: unknown): value is OutputFormat {
  return typeof value === 'string' && (OUTPUT_FORMATS as readonly string[]).includes(value);
}

/** File extension for a saved export. */
export function extensionFor(format: OutputFormat): string {
  return format === 'table' || format === 'wide' ? 'txt' : format;
}
