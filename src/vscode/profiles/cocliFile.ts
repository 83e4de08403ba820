import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { msg } from '../../core/errors';
import { defaultCocliConfigPath, parseCocliConfig } from '../../core/profiles/cocliConfig';
import { ConfigError } from '../../core/profiles/configError';
import type { Profile, ProfileInfo } from '../../core/profiles/profile';
import { resolveProfiles } from '../../core/profiles/resolveProfiles';
import { profileKey } from '../../core/profiles/selection';
import { expandHome } from '../shared/httpSettings';
import type { Log } from '../shared/log';
import { holdSecrets } from '../shared/secrets';
import { COCLI_CONFIG_PATH, COCLI_CONFIG_PATH_SETTING, SETTINGS_SECTION } from './keys';

/** The cocli config path: `coscene.cocliConfigPath` (machine scope) or `~/.cocli.yaml`. */
export function cocliConfigPath(): string {
  const configured = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>(COCLI_CONFIG_PATH_SETTING)?.trim();
  return configured ? path.resolve(expandHome(configured)) : defaultCocliConfigPath(os.homedir());
}

/** What the cocli file and the COS_* environment hold. */
export interface CocliProfiles {
  /** The env profile first (when complete), then the file's (none when the file is invalid or unreadable). */
  readonly profiles: Profile[];
  readonly error?: ConfigError;
  /** The file exists and is valid: its current-profile (`fileCurrent`, maybe none) is the one cocli uses. */
  readonly fileValid: boolean;
  readonly fileCurrent?: string;
}

/** Reads the cocli file (never creates it) and the COS_* environment; their tokens are masked in logs from now on. */
export async function loadCocliProfiles(filePath: string): Promise<CocliProfiles> {
  let text: string | undefined;
  let readError: ConfigError | undefined;
  try {
    text = await readCocliFile(filePath);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? String(err);
    readError = new ConfigError(msg('{0} could not be read: {1}', filePath, reason), filePath, 1, 1, undefined, { cause: err });
  }
  const resolved = resolveProfiles({ fileText: text, filePath, env: process.env });
  holdSecrets(
    'cocli-config-and-env',
    resolved.profiles.map((p) => p.token),
  );
  const error = readError ?? resolved.error;
  if (text === undefined || error) return { profiles: resolved.profiles, error, fileValid: false };
  const fileCurrent = resolved.envOverrides ? parseCocliConfig(text, filePath).currentProfile : resolved.activeName;
  return { profiles: resolved.profiles, fileValid: true, fileCurrent };
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

/**
 * The cocli side of the profiles: the file (its path from the settings, watched) and the COS_* environment, as last
 * read. `onChange` runs when the file changed or the setting points to another file: the owner reads again (`load`).
 */
export class CocliSource implements vscode.Disposable {
  private filePath = cocliConfigPath();
  private watch: vscode.Disposable;
  private loaded: CocliProfiles = { profiles: [], fileValid: false };
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly log: Log,
    private readonly onChange: () => void,
  ) {
    this.watch = watchCocliFile(this.filePath, log, onChange);
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(COCLI_CONFIG_PATH)) return;
      this.filePath = cocliConfigPath();
      this.watch.dispose();
      this.watch = watchCocliFile(this.filePath, this.log, this.onChange);
      this.onChange();
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.watch.dispose();
  }

  path(): string {
    return this.filePath;
  }

  /** Reads the file and the environment again. */
  async load(): Promise<CocliProfiles> {
    this.loaded = await loadCocliProfiles(this.filePath);
    return this.loaded;
  }

  /** The profiles as last read (with their tokens): env first, then the file's. */
  profiles(): readonly Profile[] {
    return this.loaded.profiles;
  }

  /** The same, without their tokens. */
  withoutTokens(): ProfileInfo[] {
    return this.loaded.profiles.map(({ token: _token, ...info }) => info);
  }

  /** Set while the file cannot be read or is invalid. */
  error(): ConfigError | undefined {
    return this.loaded.error;
  }

  /** The file's current-profile (undefined when it names none, or is missing or invalid). */
  fileCurrent(): string | undefined {
    return this.loaded.fileCurrent;
  }

  /** The token in the cocli file or COS_TOKEN of the profile with this key (`source:name`); undefined for others. */
  token(key: string): string | undefined {
    return this.loaded.profiles.find((p) => profileKey(p.source, p.name) === key)?.token;
  }
}
