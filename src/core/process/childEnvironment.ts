import { accessSync, constants, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';

/**
 * What docker/podman get from the extension host's environment: the search path, home and client config,
 * proxies, locale, and what the clients and their credential helpers need to reach the daemon or the keyring.
 * Nothing else: the host holds COS_TOKEN (env profiles), VSCODE_* IPC handles, NODE_OPTIONS, ELECTRON_*.
 */
const PASSED = new Set([
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'TMPDIR',
  'TEMP',
  'TMP',
  'DOCKER_CONFIG',
  'DOCKER_HOST',
  'DOCKER_CONTEXT',
  'DOCKER_CERT_PATH',
  'DOCKER_TLS_VERIFY',
  'CONTAINER_HOST',
  'CONTAINERS_CONF',
  'CONTAINERS_REGISTRIES_CONF',
  'REGISTRY_AUTH_FILE',
  'XDG_RUNTIME_DIR',
  'XDG_CONFIG_HOME',
  'DBUS_SESSION_BUS_ADDRESS',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'ALL_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'all_proxy',
  'LANG',
  'LANGUAGE',
  'TZ',
  // Windows: what any process needs to start, find its profile and resolve PATH.
  'SYSTEMROOT',
  'SYSTEMDRIVE',
  'WINDIR',
  'COMSPEC',
  'PATHEXT',
  'USERPROFILE',
  'APPDATA',
  'LOCALAPPDATA',
  'PROGRAMDATA',
  'PROGRAMFILES',
  'HOMEDRIVE',
  'HOMEPATH',
]);

export function childEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (PASSED.has(key) || PASSED.has(key.toUpperCase()) || /^LC_[A-Z]+$/.test(key)) out[key] = value;
  }
  return out;
}

/** Children start in the home folder: never in a workspace another person may have put files into. */
export function childWorkingDirectory(): string {
  return homedir();
}

/**
 * An absolute path for `name`, looked up in the absolute entries of PATH only (never the current directory, and
 * on Windows with PATHEXT), or `name` itself when it is already absolute. Undefined when nothing is found.
 */
export function resolveExecutable(name: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string | undefined {
  if (isAbsolute(name)) return isExecutableFile(name, platform) ? name : undefined;
  if (/[\\/]/.test(name)) return undefined; // a relative path would depend on the current directory
  const pathValue = env.PATH ?? env.Path ?? '';
  // Windows runs only files with an executable extension: `docker` means docker.COM / docker.EXE / … in PATHEXT order.
  const extensions =
    platform === 'win32' && !/\.[^.]+$/.test(name) ? (env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean) : [''];
  for (const dir of pathValue.split(platform === 'win32' ? ';' : delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    for (const ext of extensions) {
      const candidate = join(dir, name + ext);
      if (isExecutableFile(candidate, platform)) return candidate;
    }
  }
  return undefined;
}

function isExecutableFile(path: string, platform: NodeJS.Platform): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    if (platform !== 'win32') accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
