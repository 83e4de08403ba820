// Child processes and temp dirs that never outlive the script: every one is tracked and cleaned up
// on exit, Ctrl+C or SIGTERM. Children run in their own process group so grandchildren die too.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { makeTempDir as newTempDir } from '../support/tempDir.cjs';

const liveChildren = new Set();
const tempDirs = new Set();

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

function cleanupNow() {
  for (const child of liveChildren) killGroup(child, 'SIGKILL');
  liveChildren.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  tempDirs.clear();
}

process.on('exit', cleanupNow);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\nReceived ${signal}: stopping child processes and removing temp dirs.`);
    cleanupNow();
    process.exit(130);
  });
}

/** A new temp folder `coscene-<prefix>-XXXXXX` in the OS temp folder (test/support/tempDir.cjs), removed on exit. */
export function makeTempDir(prefix) {
  const dir = newTempDir(`coscene-${prefix}-`, tmpdir());
  tempDirs.add(dir);
  return dir;
}

/** Starts a long-running child; `stop()` sends SIGTERM to its group, then SIGKILL after graceMs. */
export function startProcess(command, args, options = {}) {
  const child = spawn(command, args, { stdio: 'inherit', ...options, detached: true });
  liveChildren.add(child);
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      liveChildren.delete(child);
      resolve({ code, signal });
    });
    child.on('error', (error) => {
      liveChildren.delete(child);
      resolve({ code: null, signal: null, error });
    });
  });
  const stop = async (graceMs = 5000) => {
    if (!liveChildren.has(child)) return exited;
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
    const result = await exited;
    clearTimeout(timer);
    killGroup(child, 'SIGKILL'); // leftovers in the group, if any
    return result;
  };
  return { child, exited, stop };
}

/** Runs a command to completion with a hard timeout. Resolves { code, timedOut, error }. */
export async function run(command, args, { timeoutMs = 10 * 60_000, ...options } = {}) {
  const started = startProcess(command, args, options);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    const commandLine = `${command} ${args.join(' ')}`;
    console.error(
      `\n${commandLine.length > 160 ? `${commandLine.slice(0, 160)}…` : commandLine}: no result after ${timeoutMs / 1000}s, killing it.`,
    );
    void started.stop();
  }, timeoutMs);
  const { code, error } = await started.exited;
  clearTimeout(timer);
  if (error) console.error(`${command}: ${error.message}`);
  return { code: timedOut ? null : code, timedOut, error };
}

/**
 * `npm start` / `npm test` do not pass SIGTERM on to this script; when npm goes away we are
 * re-parented, and then stop too (same cleanup as for a signal).
 */
export function stopWhenParentExits() {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM');
  }, 1000).unref();
}
