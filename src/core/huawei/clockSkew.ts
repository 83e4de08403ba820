/** Clock skew: Huawei Cloud refuses signatures more than 15 minutes off; the messages say by how much (docs/protocol.md). */
import { msg, type Msg } from '../errors';

/** The gateway refuses signatures whose X-Sdk-Date is more than 15 minutes from its clock. */
export const MAX_SKEW_MS = 15 * 60 * 1000;

/** Server time minus local time, from an HTTP `Date` header (1 s resolution); undefined when absent or unreadable. */
export function clockOffset(date: string | undefined, now: number): number | undefined {
  const at = date ? Date.parse(date) : NaN;
  return Number.isNaN(at) ? undefined : at - now;
}

export function clockSkewMessage(info: { clockOffsetMs?: number; errorCode: string }, ids: string, now: number): Msg {
  const offset = info.clockOffsetMs;
  if (offset === undefined || Math.abs(offset) <= MAX_SKEW_MS) {
    return msg(
      'Huawei Cloud rejected the request time. Set your system clock to the correct time (within 15 minutes), then try again. (code {0}, trace {1})',
      info.errorCode,
      ids,
    );
  }
  const serverTime = new Date(now + offset)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
  return offset > 0
    ? msg(
        'Huawei Cloud rejected the request signature: your system clock is {0} behind Huawei Cloud (server time {1}). Requests more than 15 minutes off are refused. Set your system clock to the correct time, then try again. (code {2}, trace {3})',
        duration(offset),
        serverTime,
        info.errorCode,
        ids,
      )
    : msg(
        'Huawei Cloud rejected the request signature: your system clock is {0} ahead of Huawei Cloud (server time {1}). Requests more than 15 minutes off are refused. Set your system clock to the correct time, then try again. (code {2}, trace {3})',
        duration(-offset),
        serverTime,
        info.errorCode,
        ids,
      );
}

/** "20 min", "2 h 5 min", "3 d 4 h": the two largest units, to the minute (the Date header has whole seconds). */
function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const [d, h, m] = [Math.floor(minutes / 1440), Math.floor(minutes / 60) % 24, minutes % 60];
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  return `${m} min`;
}
