import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ProfileService } from '../../../src/vscode/profiles/profileService';
import { tableDataBlocks } from '../../support/leveldb';
import { extensionApi } from './profileFixtures';

/**
 * Secret canaries: unmistakable values that must never show up anywhere the user (or another
 * process) can read them, plus scanners for files, text buffers and process command lines. Every scanner
 * comes with a planted control it must find (scanDiskWithControl, watchProcesses + assertProcessWatch):
 * a scan that cannot fail proves nothing.
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

/** Needles known up front, or a function asked again at each use: secrets issued during a test join the search as they are issued. */
export type NeedleSource = readonly Needle[] | (() => readonly Needle[]);

export function needlesOf(source: NeedleSource): readonly Needle[] {
  return typeof source === 'function' ? source() : source;
}

/** `secrets` (name → value) in their usual forms (needlesFor). */
export function secretNeedles(secrets: Record<string, string>): Needle[] {
  return Object.entries(secrets).flatMap(([name, value]) => needlesFor(name, value));
}

/**
 * A needle list that grows: each call asks `secrets` (name → value) again, e.g. the fake's list of the tokens it has
 * issued so far, and returns the same array while nothing new came (so a watcher checks a process only once per list).
 */
export function growingNeedles(secrets: () => Record<string, string>, fixed: readonly Needle[] = []): () => readonly Needle[] {
  const known = new Set<string>();
  let list: Needle[] = [...fixed];
  return () => {
    const added = Object.entries(secrets()).filter(([name, value]) => value && !known.has(`${name}\0${value}`));
    if (added.length === 0) return list;
    for (const [name, value] of added) known.add(`${name}\0${value}`);
    list = [...list, ...added.flatMap(([name, value]) => needlesFor(name, value))];
    return list;
  };
}

/** Where VS Code keeps globalState and secrets: state.vscdb (desktop), the browser's Local Storage and IndexedDB (code-server). */
export const STATE_STORE = /state\.vscdb|Local Storage|IndexedDB/;

/** What code-server and every process it starts write to besides the sandbox's named folders (test/tools/host.mjs points them into it). */
export const HOST_WRITE_DIRS = [
  'TMPDIR',
  'XDG_CONFIG_HOME',
  'XDG_CACHE_HOME',
  'XDG_DATA_HOME',
  'XDG_STATE_HOME',
  'XDG_RUNTIME_DIR',
] as const;

export interface DiskScan {
  report: ScanReport;
  sandbox: string;
  /** Browser profiles searched (code-server: the workbench's storage lives there). */
  browserDirs: string[];
  /** State store files searched. */
  stateStoreFiles: string[];
}

function sandboxDir(): string {
  const sandbox = process.env.COSCENE_TEST_TMP;
  assert.ok(sandbox, 'COSCENE_TEST_TMP is not set: run the integration tests through the runner (npm test -- --only integration)');
  return sandbox;
}

const inside = (dir: string | undefined, root: string): boolean =>
  !!dir && (path.resolve(dir) === path.resolve(root) || path.resolve(dir).startsWith(path.resolve(root) + path.sep));

/**
 * Searches everything the extension host and the workbench may have written: the sandbox (user-data-dir
 * with logs, settings, globalStorage and state.vscdb; HOME; DOCKER_CONFIG; the workspace; TMPDIR and the XDG
 * folders) and, in a browser workbench, the browser's profile (Local Storage, IndexedDB). Fails when there is no
 * sandbox, when code-server's TMPDIR or XDG folders lie outside it, or when there is no state store to search:
 * a scan that cannot see where things are written proves nothing.
 */
export function scanDisk(needles: readonly Needle[]): DiskScan {
  const sandbox = sandboxDir();
  if (process.env.COSCENE_TEST_HOST !== 'desktop') {
    const outside = HOST_WRITE_DIRS.filter((key) => !inside(process.env[key], sandbox)).map(
      (key) => `${key}=${process.env[key] ?? '(unset)'}`,
    );
    assert.deepEqual(outside, [], `the extension host writes to folders outside the scanned sandbox ${sandbox}`);
  }
  const report = emptyReport();
  scanTree(report, sandbox, needles);
  // The runner puts the workbench browser's profile into the sandbox (COSCENE_TEST_BROWSER_PROFILE).
  const profile = process.env.COSCENE_TEST_BROWSER_PROFILE;
  const browserDirs = vscode.env.uiKind === vscode.UIKind.Web ? [profile ?? ''] : [];
  for (const dir of browserDirs)
    assert.ok(dir && fs.existsSync(dir), `the workbench browser's profile (COSCENE_TEST_BROWSER_PROFILE=${dir}) is missing`);
  for (const dir of browserDirs) if (!inside(dir, sandbox)) scanTree(report, dir, needles);
  const stateStoreFiles = report.places.filter((p) => STATE_STORE.test(p));
  assert.ok(
    stateStoreFiles.length > 0,
    `no state store (state.vscdb, Local Storage, IndexedDB) was searched in ${[sandbox, ...browserDirs].join(', ')}`,
  );
  return { report, sandbox, browserDirs, stateStoreFiles };
}

/** The label of the planted control's needles (a control is not a secret). */
export const CONTROL_LABEL = 'planted control';

export interface ControlledDiskScan extends DiskScan {
  control: {
    /** The file planted in the sandbox. */
    file: string;
    /** The profile whose name holds the control, written through the extension's globalState (undefined with `storage: false`). */
    storageProfile?: string;
    /** How long the state stores took to show the control written through the extension's storage. */
    storageMs?: number;
    /** Where the scan found the control. */
    hits: string[];
  };
}

export interface ControlOptions {
  /** Also write the control through the extension's storage (globalState) and require a state store to show it. Default true. */
  storage?: boolean;
  /** How long to wait for the state stores to show the control (the workbench writes storage asynchronously). */
  storageTimeoutMs?: number;
}

/** The state store files under the sandbox and the browser profile that hold a control needle. */
function stateStoresHolding(sandbox: string, needles: readonly Needle[]): string[] {
  const report = emptyReport();
  const roots = [sandbox, process.env.COSCENE_TEST_BROWSER_PROFILE].filter((d): d is string => !!d && fs.existsSync(d));
  const files = new Set(roots.flatMap((root) => filesUnder(report, root)).filter((f) => STATE_STORE.test(f)));
  for (const f of files) scanFile(report, f, needles);
  return report.hits;
}

/**
 * The disk scan with its planted control, so that it can fail. Before searching for `needles` it plants a control
 * canary where the scan must find it: a file in the sandbox (UTF-16 at an odd offset, as browser storage keeps strings)
 * and, unless `storage: false`, a value written through the extension's own storage (a profile whose name holds the
 * control, kept in globalState: the browser's LevelDB under code-server, state.vscdb on the desktop). Fails unless the
 * scan found the control in the file and (with storage) in a state store; removes the control afterwards. The
 * report's `hits` are the needles' hits only (the control's are in `control.hits`).
 */
export async function scanDiskWithControl(needles: NeedleSource, opts: ControlOptions = {}): Promise<ControlledDiskScan> {
  const sandbox = sandboxDir();
  const value = canary('scan-control');
  const controlNeedles = needlesFor(CONTROL_LABEL, value);
  const dir = fs.mkdtempSync(path.join(sandbox, 'scan-control-'));
  const file = path.join(dir, 'control.bin');
  fs.writeFileSync(file, Buffer.concat([Buffer.from('x'), Buffer.from(value, 'utf16le')]));
  let profiles: ProfileService | undefined;
  let storageProfile: string | undefined;
  let storageMs: number | undefined;
  try {
    if (opts.storage !== false) {
      profiles = (await extensionApi()).profiles;
      await profiles.ready;
      storageProfile = `scan-control-${value}`;
      const started = Date.now();
      // Not activated: the profile in use stays, nothing is fetched for this one.
      await profiles.addProfile(
        { name: storageProfile, endpoint: 'https://scan-control.invalid', project: 'scan-control' },
        canary('scan-control-token'),
        false,
      );
      const deadline = started + (opts.storageTimeoutMs ?? 15_000);
      while (stateStoresHolding(sandbox, controlNeedles).length === 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 250));
      storageMs = Date.now() - started;
    }
    const scan = scanDisk([...needlesOf(needles), ...controlNeedles]);
    const isControl = (hit: string): boolean => hit.includes(`: ${CONTROL_LABEL} (`);
    const hits = scan.report.hits.filter(isControl);
    scan.report.hits = scan.report.hits.filter((h) => !isControl(h));
    const where = (hit: string): string => hit.slice(0, hit.lastIndexOf(`: ${CONTROL_LABEL} (`)).replace(/ \(decompressed\)$/, '');
    const shown = hits.map((h) => h.replace(sandbox, '<sandbox>'));
    assert.ok(
      hits.some((h) => where(h) === file),
      `the scan did not find the control planted in ${file.replace(sandbox, '<sandbox>')}; it found it in: ${shown.join(' ; ') || 'nothing'}`,
    );
    if (storageProfile)
      assert.ok(
        hits.some((h) => STATE_STORE.test(where(h))),
        `the scan did not find the control written through the extension's storage (globalState) in any state store ` +
          `(${scan.stateStoreFiles.length} searched, waited ${storageMs} ms); it found it in: ${shown.join(' ; ') || 'nothing'}`,
      );
    return { ...scan, control: { file, storageProfile, storageMs, hits } };
  } finally {
    if (profiles && storageProfile) await profiles.removeProfile(storageProfile);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The disk scan for `secrets` (name → value, or a function asked at scan time for secrets issued meanwhile) in their
 * usual forms, with its planted control: no hit, nothing unscanned.
 */
export async function assertNoSecretOnDisk(
  secrets: Record<string, string> | (() => Record<string, string>),
  opts: ControlOptions = {},
): Promise<ControlledDiskScan> {
  const names = () => (typeof secrets === 'function' ? secrets() : secrets);
  const scan = await scanDiskWithControl(() => secretNeedles(names()), opts);
  console.log(
    `    disk scan: ${scan.report.searched} files (${scan.stateStoreFiles.length} state store files, ${scan.report.tables.length} LevelDB tables decompressed), ` +
      `${Object.keys(names()).length} secrets; control found in ${scan.control.hits.length} places ` +
      `(${scan.control.hits.map((h) => h.replace(scan.sandbox, '<sandbox>')).join(' ; ')})` +
      (scan.control.storageMs === undefined ? '' : ` (state stores showed it after ${scan.control.storageMs} ms)`),
  );
  assert.deepEqual(scan.report.unscanned, [], 'files that could not be searched count as not clean');
  assert.deepEqual(
    scan.report.hits.map((h) => h.replace(scan.sandbox, '<sandbox>')),
    [],
    'a secret was written to a file',
  );
  return scan;
}

export interface ProcessWatchReport {
  /** `process <pid> (<name>) argv|environment: <needle label>`; never a secret value. */
  hits: string[];
  /** Distinct processes (pid and argv) seen. */
  pids: number;
  /** Complete passes over /proc. */
  scans: number;
  /** How long the watcher ran. */
  ms: number;
  /** argv (joined with spaces) of every process that matched `expect`: what the caller watches for. */
  expected: string[];
  /** Whether the control process (planted by stop()) was seen with its canary in argv and in its environment. */
  control: { argv: boolean; environ: boolean };
}

export interface ProcessWatch {
  /**
   * Plants the control (a process of the test's own with a canary in argv and environment, kept until the watcher saw
   * it, 10 s at most), then stops polling and resolves with what was seen. Idempotent.
   */
  stop(): Promise<ProcessWatchReport>;
}

const CONTROL_ENV = 'COSCENE_SCAN_CONTROL';

/**
 * Polls /proc/<pid>/cmdline and /proc/<pid>/environ of every process (until stop() or `maxMs`), recording each
 * process whose argv or environment holds a needle; `needles` may grow while it runs (a function is asked on every
 * pass). Processes matching `expect` (on argv joined with spaces) are collected, so the caller can prove the watcher
 * saw what it watches for; stop() plants a control process to prove it finds a canary. See assertProcessWatch.
 */
export function watchProcesses(needles: NeedleSource, expect: RegExp, maxMs = 10 * 60_000): ProcessWatch {
  let running = true;
  const hits = new Set<string>();
  const seen = new Set<string>();
  const expected = new Set<string>();
  const control = { value: canary('process-control'), argv: false, environ: false };
  // Searched like any needle, so a watcher that cannot find a needle cannot find the control either.
  const [controlNeedle] = needlesFor(CONTROL_LABEL, control.value);
  /** pid → what was last checked against which needle list: a process is searched again only when it or the list changed. */
  const checked = new Map<string, { cmdline: Buffer; environ?: Buffer; list: readonly Needle[] }>();
  let scans = 0;
  const started = Date.now();
  const deadline = started + maxMs;
  // Synchronous reads, a batch of processes at a time: an asynchronous read costs four thread-pool round trips, which
  // made a pass over a few hundred processes take over 100 ms, long enough to miss a short-lived client.
  const readProc = (pid: string, what: 'cmdline' | 'environ'): Buffer | undefined => {
    try {
      return fs.readFileSync(`/proc/${pid}/${what}`);
    } catch {
      return undefined; // ended meanwhile, or not ours to read
    }
  };
  const check = (pid: string, list: readonly Needle[]): void => {
    const cmdline = readProc(pid, 'cmdline');
    if (!cmdline) return;
    // A process's environment is fixed at exec, when its argv changes too: read it again only then.
    const last = checked.get(pid);
    const sameProcess = last?.cmdline.equals(cmdline) ?? false;
    if (sameProcess && last?.list === list) return;
    const environ = sameProcess ? last?.environ : readProc(pid, 'environ');
    checked.set(pid, { cmdline, environ, list });
    const argvText = cmdline.toString('utf8').split('\0').filter(Boolean).join(' ');
    seen.add(`${pid}:${argvText}`);
    if (expect.test(argvText)) expected.add(argvText);
    const name = path.basename(cmdline.toString('utf8').split('\0')[0]);
    for (const n of [...list, controlNeedle]) {
      const inArgv = cmdline.includes(n.bytes[0]);
      const inEnviron = environ?.includes(n.bytes[0]) ?? false;
      if (n === controlNeedle) {
        control.argv ||= inArgv;
        control.environ ||= inEnviron;
        continue;
      }
      if (inArgv) hits.add(`process ${pid} (${name}) argv: ${n.label}`);
      if (inEnviron) hits.add(`process ${pid} (${name}) environment: ${n.label}`);
    }
  };
  const loop = (async () => {
    while (running && Date.now() < deadline) {
      let pids: string[];
      try {
        pids = fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p));
      } catch {
        return;
      }
      const list = needlesOf(needles);
      for (let i = 0; i < pids.length; i += 50) {
        for (const pid of pids.slice(i, i + 50)) check(pid, list);
        await new Promise((r) => setImmediate(r)); // let the extension host breathe between batches
      }
      scans++;
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  const plantControl = async (): Promise<void> => {
    // `read` is a shell builtin: the shell itself waits, with the canary in its argv and environment, until stdin closes.
    const child = spawn('/bin/sh', ['-c', 'read -r line', control.value], {
      stdio: ['pipe', 'ignore', 'ignore'],
      env: { PATH: '/usr/bin:/bin', [CONTROL_ENV]: control.value },
    });
    const exited = new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.once('error', () => resolve());
    });
    const until = Date.now() + 10_000;
    while (!(control.argv && control.environ) && Date.now() < until && child.exitCode === null) await new Promise((r) => setTimeout(r, 20));
    child.stdin?.end();
    const force = setTimeout(() => child.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(force);
  };
  let stopped: Promise<ProcessWatchReport> | undefined;
  return {
    stop: () =>
      (stopped ??= (async () => {
        await plantControl();
        running = false;
        await loop;
        return {
          hits: [...hits],
          pids: seen.size,
          scans,
          ms: Date.now() - started,
          expected: [...expected],
          control: { argv: control.argv, environ: control.environ },
        };
      })()),
  };
}

/**
 * Fails unless the watcher could have failed: it made passes over /proc and saw processes, found the planted control
 * process's canary in its argv and in its environment, and saw at least one process of the kind it watched for (`what`).
 */
export function assertProcessWatch(report: ProcessWatchReport, what: string): void {
  console.log(
    `    /proc watch: ${report.pids} processes in ${report.scans} passes over ${report.ms} ms; control seen in argv: ${report.control.argv}, ` +
      `environment: ${report.control.environ}; ${report.expected.length} ${what} seen; secret hits: ${report.hits.length}`,
  );
  assert.ok(report.scans > 0 && report.pids > 0, `the /proc watcher made ${report.scans} passes and saw ${report.pids} processes`);
  assert.ok(report.control.argv, `the /proc watcher did not find the planted control process by its argv (${report.scans} passes)`);
  assert.ok(
    report.control.environ,
    `the /proc watcher did not find the planted control process by its environment (${report.scans} passes)`,
  );
  assert.ok(report.expected.length > 0, `the /proc watcher saw no ${what} among ${report.pids} processes in ${report.scans} passes`);
}
