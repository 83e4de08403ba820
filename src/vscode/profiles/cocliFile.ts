import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { defaultCocliConfigPath } from '../../core/profiles/cocliConfig';
import { expandHome } from '../shared/httpSettings';
import type { Log } from '../shared/log';

/** The cocli config path: `coscene.cocliConfigPath` (machine scope) or `~/.cocli.yaml`. */
export function cocliConfigPath(): string {
  const configured = vscode.workspace.getConfiguration('coscene').get<string>('cocliConfigPath')?.trim();
  return configured ? path.resolve(expandHome(configured)) : defaultCocliConfigPath(os.homedir());
}

/** The file's text, or undefined when it does not exist. Never creates it (cocli would; we only read). */
export async function readCocliFile(filePath: string): Promise<string | undefined> {
  try {
    return await fs.promises.readFile(filePath, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

const DEBOUNCE_MS = 150;
const POLL_MS = 2000;

/**
 * Calls `onChange` (debounced) when the file is created, edited, replaced or deleted. The file usually lives in the
 * home directory, outside any workspace, so this watches the parent directory with fs.watch (which also sees editors
 * and cocli replacing the file). A slow stat poll runs alongside: it catches what directory events miss, such as a
 * symlinked file whose target is edited elsewhere, or a parent directory that does not exist yet.
 */
export function watchCocliFile(filePath: string, log: Log, onChange: () => void): vscode.Disposable {
  let timer: NodeJS.Timeout | undefined;
  const fire = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, DEBOUNCE_MS);
  };
  const base = path.basename(filePath);
  let watcher: fs.FSWatcher | undefined;
  try {
    watcher = fs.watch(path.dirname(filePath), { persistent: false }, (_event, name) => {
      if (!name || name.toString() === base) fire();
    });
    watcher.on('error', (err) => log.debug(`cocli config watcher: ${err.message}`));
  } catch (err) {
    log.debug(`Cannot watch ${path.dirname(filePath)} (${(err as Error).message}); polling ${filePath} only.`);
  }
  fs.watchFile(filePath, { persistent: false, interval: POLL_MS }, fire);
  return new vscode.Disposable(() => {
    clearTimeout(timer);
    watcher?.close();
    fs.unwatchFile(filePath, fire);
  });
}
