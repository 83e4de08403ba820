import { ConnectError } from '../connect';

/** A decoded request message; accessors accept the camelCase JSON name or the snake_case proto name. */
export class RequestMessage {
  constructor(private readonly body: Record<string, unknown>) {}

  private raw(camel: string): unknown {
    const snake = camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    if (camel in this.body && snake !== camel && snake in this.body) {
      throw new ConnectError('invalid_argument', `field ${snake} is set twice`);
    }
    return camel in this.body ? this.body[camel] : this.body[snake];
  }

  string(camel: string): string {
    const value = this.raw(camel);
    if (value === undefined || value === null) return '';
    if (typeof value !== 'string') throw new ConnectError('invalid_argument', `field ${camel}: expected a string`);
    return value;
  }

  /** int32 per protojson: a JSON number or a numeric string. */
  int32(camel: string): number | undefined {
    const value = this.raw(camel);
    if (value === undefined || value === null) return undefined;
    const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isInteger(number) || number < -2147483648 || number > 2147483647) {
      throw new ConnectError('invalid_argument', `field ${camel}: expected an int32`);
    }
    return number;
  }

  strings(camel: string): string[] {
    const value = this.raw(camel);
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
      throw new ConnectError('invalid_argument', `field ${camel}: expected a list of strings`);
    }
    return value as string[];
  }
}

/** Connect-JSON bodies must be a JSON object (connect-go rejects a zero-length payload). */
export function decodeMessage(body: Buffer): RequestMessage {
  if (body.length === 0) throw new ConnectError('invalid_argument', 'unmarshal message: zero-length payload is not a valid JSON object');
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (err) {
    throw new ConnectError('invalid_argument', `unmarshal message: ${(err as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConnectError('invalid_argument', 'unmarshal message: expected a JSON object');
  }
  return new RequestMessage(parsed as Record<string, unknown>);
}
