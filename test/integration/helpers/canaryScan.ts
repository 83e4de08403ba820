import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { tableDataBlocks } from '../../support/leveldb';

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
  /** Files and folders that could not be searched, with why: a scan with any is not clean. */
  unscanned: string[];
  /** Files that disappeared between listing and reading (temporary files of the workbench or browser). */
  vanished: string[];
  /** LevelDB tables also searched block by block, decompressed. */
  tables: string[];
}

export function emptyReport(): ScanReport {
  return { searched: 0, hits: [], places: [], unscanned: [], vanished: [], tables: [] };
}

/** Searches a text buffer (a notification, a terminal transcript, a document) for every needle. */
export function scanText(report: ScanReport, place: string, text: string, needles: readonly Needle[]): void {
  report.searched++;
  report.places.push(place);
  for (const n of needles) if (text.includes(n.text)) report.hits.push(`${place}: ${n.label}`);
}

const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** Searches the raw bytes of one file; a file too large or unreadable is recorded as unscanned, never as clean. */
export function scanFile(report: ScanReport, file: string, needles: readonly Needle[], maxBytes = MAX_FILE_BYTES): void {
  let data: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > maxBytes) {
      report.unscanned.push(`${file}: ${size} bytes, over the ${maxBytes}-byte limit`);
      return;
    }
    data = fs.readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') report.vanished.push(file);
    else report.unscanned.push(`${file}: ${(err as Error).message}`);
    return;
  }
  report.searched++;
  report.places.push(file);
  for (const n of needles) if (n.bytes.some((b) => data.includes(b))) report.hits.push(`${file}: ${n.label}`);
  if (LEVELDB_TABLE.test(file)) scanTableBlocks(report, file, data, needles);
}

/** Browser storage compacts into LevelDB tables whose Snappy blocks can split a secret: search them decompressed too. */
const LEVELDB_TABLE = /\.(ldb|sst)$/;

function scanTableBlocks(report: ScanReport, file: string, data: Buffer, needles: readonly Needle[]): void {
  let blocks: Buffer[];
  try {
    blocks = tableDataBlocks(data).blocks;
  } catch (err) {
    report.unscanned.push(`${file}: not readable as a LevelDB table (${(err as Error).message})`);
    return;
  }
  report.tables.push(file);
  for (const n of needles) {
    if (blocks.some((block) => n.bytes.some((b) => block.includes(b)))) report.hits.push(`${file} (decompressed): ${n.label}`);
  }
}

/** Every regular file under `dir`; folders it cannot read or that lie too deep are recorded as unscanned. */
function filesUnder(report: ScanReport, dir: string, maxDepth = 24): string[] {
  const files: string[] = [];
  const walk = (d: string, depth: number): void => {
    if (depth > maxDepth) {
      report.unscanned.push(`${d}: deeper than ${maxDepth} levels`);
      return;
    }
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') report.vanished.push(d);
      else report.unscanned.push(`${d}: ${(err as Error).message}`);
      return;
    }
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full, depth + 1);
      else if (e.isFile()) files.push(full);
    }
  };
  walk(dir, 0);
  return files;
}

export function scanTree(report: ScanReport, dir: string, needles: readonly Needle[], exclude?: (file: string) => boolean): number {
  const files = filesUnder(report, dir).filter((f) => !exclude?.(f));
  for (const f of files) scanFile(report, f, needles);
  return files.length;
}

/** Where VS Code keeps globalState and secrets: state.vscdb (desktop), the browser's Local Storage and IndexedDB (code-server). */
export const STATE_STORE = /state\.vscdb|Local Storage|IndexedDB/;

export interface DiskScan {
  report: ScanReport;
  sandbox: string;
  /** Browser profiles searched (code-server: the workbench's storage lives there). */
  browserDirs: string[];
  /** State store files searched. */
  stateStoreFiles: string[];
}

/**
 * Searches everything the extension host and the workbench may have written: the sandbox (user-data-dir
 * with logs, settings, globalStorage and state.vscdb; HOME; DOCKER_CONFIG; the workspace) and, in a
 * browser workbench, the browser's profile (Local Storage, IndexedDB). Fails when there is no sandbox or
 * no state store to search: a scan that cannot see the stores proves nothing.
 */
export function scanDisk(needles: readonly Needle[]): DiskScan {
  const sandbox = process.env.COSCENE_TEST_TMP;
  assert.ok(sandbox, 'COSCENE_TEST_TMP is not set: run the integration tests through the runner (npm test -- --only integration)');
  const report = emptyReport();
  scanTree(report, sandbox, needles);
  // The runner puts the workbench browser's profile into the sandbox (COSCENE_TEST_BROWSER_PROFILE).
  const profile = process.env.COSCENE_TEST_BROWSER_PROFILE;
  const browserDirs = vscode.env.uiKind === vscode.UIKind.Web ? [profile ?? ''] : [];
  for (const dir of browserDirs)
    assert.ok(dir && fs.existsSync(dir), `the workbench browser's profile (COSCENE_TEST_BROWSER_PROFILE=${dir}) is missing`);
  for (const dir of browserDirs) if (!dir.startsWith(sandbox)) scanTree(report, dir, needles);
  const stateStoreFiles = report.places.filter((p) => STATE_STORE.test(p));
  assert.ok(
    stateStoreFiles.length > 0,
    `no state store (state.vscdb, Local Storage, IndexedDB) was searched in ${[sandbox, ...browserDirs].join(', ')}`,
  );
  return { report, sandbox, browserDirs, stateStoreFiles };
}

/** The disk scan for `secrets` (name → value) in their usual forms: no hit, nothing unscanned. */
export function assertNoSecretOnDisk(secrets: Record<string, string>): DiskScan {
  const needles = Object.entries(secrets).flatMap(([name, value]) => needlesFor(name, value));
  const scan = scanDisk(needles);
  assert.deepEqual(scan.report.unscanned, [], 'files that could not be searched count as not clean');
  assert.deepEqual(
    scan.report.hits.map((h) => h.replace(scan.sandbox, '<sandbox>')),
    [],
    'a secret was written to a file',
  );
  return scan;
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
