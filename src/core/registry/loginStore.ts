import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { msg, type Msg } from '../errors';
import { isRecord } from '../json';

/**
 * Where a container client keeps its logins, and whether one still holds a host's: what the registry status item
 * checks after a window reload instead of trusting what it remembered. Vscode-free; a missing, unreadable, oversized
 * or malformed file means "no login there", never an error.
 */

/** docker's config.json holds the logins and a few settings: far below this; a larger file is not read. */
export const MAX_LOGIN_STORE_BYTES = 1024 * 1024;

export interface LoginStoreEnv {
  /** The extension host's environment (DOCKER_CONFIG, REGISTRY_AUTH_FILE, XDG_RUNTIME_DIR). */
  env: Readonly<Record<string, string | undefined>>;
  /** The user's home directory. */
  home: string;
}

/**
 * The files a client reads its logins from, in its order: docker's `$DOCKER_CONFIG/config.json` (default
 * `~/.docker/config.json`); podman's `$REGISTRY_AUTH_FILE` or `$XDG_RUNTIME_DIR/containers/auth.json`, then docker's.
 */
export function loginStoreFiles(client: string, { env, home }: LoginStoreEnv): string[] {
  const docker = path.join(env.DOCKER_CONFIG || path.join(home, '.docker'), 'config.json');
  if (!/(^|[\\/])podman(\.exe)?$/i.test(client)) return [docker];
  const podman = env.REGISTRY_AUTH_FILE
    ? [env.REGISTRY_AUTH_FILE]
    : env.XDG_RUNTIME_DIR
      ? [path.join(env.XDG_RUNTIME_DIR, 'containers', 'auth.json')]
      : [];
  return [...podman, docker];
}

/** The hosts of a config file's `auths` object; [] when the text is not such JSON. */
export function authHosts(text: string): string[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [];
  }
  return isRecord(json) && isRecord(json.auths) ? Object.keys(json.auths) : [];
}

/** Reads at most `maxBytes` of `file`; undefined when it is missing, unreadable, not a file or larger. */
export async function readBounded(file: string, maxBytes = MAX_LOGIN_STORE_BYTES): Promise<string | undefined> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, 'r');
    const stat = await handle.stat();
    if (!stat.isFile() || stat.size > maxBytes) return undefined;
    const buffer = Buffer.alloc(maxBytes + 1);
    const { bytesRead } = await handle.read(buffer, 0, maxBytes + 1, 0);
    if (bytesRead > maxBytes) return undefined; // grew while read
    return buffer.subarray(0, bytesRead).toString('utf8');
  } catch {
    return undefined;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Whether one of the client's login stores still holds a login for `host` (`auths[host]`; docker and podman key by host). */
export async function hasStoredLogin(
  host: string,
  client: string,
  where: LoginStoreEnv,
  maxBytes = MAX_LOGIN_STORE_BYTES,
): Promise<boolean> {
  for (const file of loginStoreFiles(client, where)) {
    const text = await readBounded(file, maxBytes);
    if (text !== undefined && authHosts(text).includes(host)) return true;
  }
  return false;
}

/** "Logged in 5 minutes ago": how long ago a login happened (a clock set back reads "just now"). */
export function loginAge(at: number, now: number): Msg {
  const minutes = Math.floor(Math.max(0, now - at) / 60_000);
  if (minutes < 1) return msg('Logged in just now');
  if (minutes === 1) return msg('Logged in 1 minute ago');
  if (minutes < 60) return msg('Logged in {0} minutes ago', minutes);
  const hours = Math.floor(minutes / 60);
  if (hours === 1) return msg('Logged in 1 hour ago');
  if (hours < 48) return msg('Logged in {0} hours ago', hours);
  return msg('Logged in {0} days ago', Math.floor(hours / 24));
}
