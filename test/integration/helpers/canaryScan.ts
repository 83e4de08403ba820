import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listFiles } from './profileFixtures';

/**
 * Secret canaries: unmistakable values that must never show up anywhere the user (or another
 * process) can read them, plus scanners for files, text buffers and process command lines.
 */

export interface Needle {
  /** Which secret and which form, e.g. "cosToken (base64 apikey:)"; never the value itself. */
  label: string;
  bytes: Buffer[];
  text: string;
}

/** A canary value: `CANARY-<kind>-<random>` plus `suffix` (e.g. characters JSON or URLs escape). */
export function canary(kind: string, suffix = ''): string {
  return `CANARY-${kind}-${randomBytes(9).toString('hex')}${suffix}`;
}

/**
 * The forms a secret travels in: raw, JSON-escaped, URL-encoded, base64 of itself and of the Basic
 * `apikey:<value>` header, plus any `extra` forms (e.g. base64 of `user:password` as docker stores it).
 * Each form is searched as UTF-8 and UTF-16LE bytes (browser storage keeps strings as UTF-16).
 */
export function needlesFor(name: string, value: string, extra: Record<string, string> = {}): Needle[] {
  const forms: Record<string, string> = {
    raw: value,
    'JSON-escaped': JSON.stringify(value).slice(1, -1),
    'URL-encoded': encodeURIComponent(value),
    base64: Buffer.from(value, 'utf8').toString('base64'),
    'base64 apikey:': Buffer.from(`apikey:${value}`, 'utf8').toString('base64'),
    ...extra,
  };
  const seen = new Set<string>();
  const needles: Needle[] = [];
  for (const [form, text] of Object.entries(forms)) {
    if (seen.has(text)) continue;
    seen.add(text);
    needles.push({ label: `${name} (${form})`, text, bytes: [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')] });
  }
  return needles;
}

export interface ScanReport {
  /** Number of places (files, buffers, processes) searched. */
  searched: number;
  /** `<place>: <needle label>`; never a secret value. */
  hits: string[];
  places: string[];
}

export function emptyReport(): ScanReport {
  return { searched: 0, hits: [], places: [] };
}

/** Searches a text buffer (a notification, a terminal transcript, a document) for every needle. */
export function scanText(report: ScanReport, place: string, text: string, needles: readonly Needle[]): void {
  report.searched++;
  report.places.push(place);
  for (const n of needles) if (text.includes(n.text)) report.hits.push(`${place}: ${n.label}`);
}

/** Searches the raw bytes of one file. */
export function scanFile(report: ScanReport, file: string, needles: readonly Needle[], maxBytes = 256 * 1024 * 1024): void {
  let data: Buffer;
  try {
    if (fs.statSync(file).size > maxBytes) return;
    data = fs.readFileSync(file);
  } catch {
    return; // vanished or unreadable
  }
  report.searched++;
  report.places.push(file);
  for (const n of needles) if (n.bytes.some((b) => data.includes(b))) report.hits.push(`${file}: ${n.label}`);
}

export function scanTree(report: ScanReport, dir: string, needles: readonly Needle[], exclude?: (file: string) => boolean): number {
  const files = listFiles(dir).filter((f) => !exclude?.(f));
  for (const f of files) scanFile(report, f, needles);
  return files.length;
}

export interface ProcessWatch {
  /** Stops polling; resolves with what was seen. Idempotent. */
  stop(): Promise<{ hits: string[]; pids: number; scans: number; argvWithMarker: string[] }>;
}

/**
 * Polls /proc/<pid>/cmdline and /proc/<pid>/environ of every process (until stop() or `maxMs`),
 * recording each process whose argv or environment holds a needle. `marker` (not a secret) lets the
 * caller prove the watcher sees short-lived processes: argv containing it are collected.
 */
export function watchProcesses(needles: readonly Needle[], marker: string, maxMs = 10 * 60_000): ProcessWatch {
  let running = true;
  const hits = new Set<string>();
  const seen = new Set<string>();
  const withMarker = new Set<string>();
  let scans = 0;
  const deadline = Date.now() + maxMs;
  const texts = needles.map((n) => ({ label: n.label, bytes: n.bytes[0] }));
  const markerBytes = Buffer.from(marker, 'utf8');
  const readProc = async (pid: string, what: 'cmdline' | 'environ'): Promise<Buffer | undefined> => {
    try {
      return await fs.promises.readFile(`/proc/${pid}/${what}`);
    } catch {
      return undefined; // ended meanwhile, or not ours to read
    }
  };
  const loop = (async () => {
    while (running && Date.now() < deadline) {
      let pids: string[];
      try {
        pids = (await fs.promises.readdir('/proc')).filter((p) => /^\d+$/.test(p));
      } catch {
        return;
      }
      await Promise.all(
        pids.map(async (pid) => {
          const [cmdline, environ] = await Promise.all([readProc(pid, 'cmdline'), readProc(pid, 'environ')]);
          if (!cmdline) return;
          const key = `${pid}:${cmdline.toString('utf8')}`;
          seen.add(key);
          if (cmdline.includes(markerBytes)) withMarker.add(cmdline.toString('utf8').split('\0').join(' ').trim());
          for (const n of texts) {
            const argv = cmdline.toString('utf8').split('\0')[0];
            if (cmdline.includes(n.bytes)) hits.add(`process ${pid} (${path.basename(argv)}) argv: ${n.label}`);
            if (environ?.includes(n.bytes)) hits.add(`process ${pid} (${path.basename(argv)}) environment: ${n.label}`);
          }
        }),
      );
      scans++;
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { hits: [...hits], pids: seen.size, scans, argvWithMarker: [...withMarker] };
    },
  };
}

/** The chromium profile directory of the browser that shows the workbench, if it runs on this machine. */
export function browserProfileDirs(): string[] {
  const dirs = new Set<string>();
  let pids: string[] = [];
  try {
    pids = fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return [];
  }
  for (const pid of pids) {
    try {
      const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      for (const a of argv) if (a.startsWith('--user-data-dir=')) dirs.add(a.slice('--user-data-dir='.length));
    } catch {
      // ended meanwhile
    }
  }
  return [...dirs].filter((d) => fs.existsSync(d));
}
