/** Minutes east of UTC at a given instant; injected so tests do not depend on the machine's zone. */
export type ZoneOffset = (utcMillis: number) => number;

export const localZoneOffset: ZoneOffset = (ms) => -new Date(ms).getTimezoneOffset();

export function fixedZoneOffset(minutes: number): ZoneOffset {
  return () => minutes;
}

export interface ParsedTimestamp {
  /** Whole seconds since the epoch, in milliseconds. */
  secondsMillis: number;
  nanos: number;
}

const RFC3339 = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$/;

/** Parses the RFC 3339 text the server sent, keeping nanoseconds that a Date would lose. */
export function parseTimestamp(text: string): ParsedTimestamp | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const zone = m[4].toUpperCase() === 'Z' ? 'Z' : m[4];
  const ms = Date.parse(`${m[1]}T${m[2]}${zone}`);
  if (Number.isNaN(ms)) return undefined;
  return { secondsMillis: ms, nanos: m[3] ? Number(m[3].padEnd(9, '0')) : 0 };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Go's `t.In(time.Local).Format(time.RFC3339)`: local wall time, no fraction, `Z` when the offset is zero.
 * Text that is not a timestamp is returned unchanged.
 */
export function formatLocalRfc3339(text: string, zone: ZoneOffset = localZoneOffset): string {
  const ts = parseTimestamp(text);
  if (!ts) return text;
  const offset = zone(ts.secondsMillis);
  const wall = new Date(ts.secondsMillis + offset * 60_000);
  const date = `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
  const time = `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}`;
  if (offset === 0) return `${date}T${time}Z`;
  const abs = Math.abs(offset);
  return `${date}T${time}${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** protojson's Timestamp text: UTC, `Z`, and 0, 3, 6 or 9 fractional digits. */
export function protoTimestamp(text: string): string {
  const ts = parseTimestamp(text);
  if (!ts) return text;
  const base = new Date(ts.secondsMillis).toISOString().slice(0, 19);
  if (ts.nanos === 0) return `${base}Z`;
  const digits = pad(ts.nanos, 9);
  const fraction = ts.nanos % 1_000_000 === 0 ? digits.slice(0, 3) : ts.nanos % 1000 === 0 ? digits.slice(0, 6) : digits;
  return `${base}.${fraction}Z`;
}
