import type { ProfileInfo, ProfileSource } from './profile';

/** Identifies a profile: names may repeat across sources. */
export function profileKey(source: ProfileSource, name: string): string {
  return `${source}:${name}`;
}

/** Without a stored choice: the env profile when complete, else cocli's current-profile, else the first added in VS Code. */
export function defaultProfile<P extends ProfileInfo>(all: readonly P[], fileCurrent: string | undefined): P | undefined {
  const env = all.find((p) => p.source === 'env');
  if (env) return env;
  return all.find((p) => p.source === 'cocli' && p.name === fileCurrent) ?? all.find((p) => p.source === 'extension') ?? all[0];
}

/** The stored choice when that profile still exists, else the default. */
export function chooseActiveProfile<P extends ProfileInfo>(
  all: readonly P[],
  storedKey: string | undefined,
  fileCurrent: string | undefined,
): P | undefined {
  return all.find((p) => profileKey(p.source, p.name) === storedKey) ?? defaultProfile(all, fileCurrent);
}

export interface CocliSwitch {
  /** The current-profile to remember as last seen (undefined: nothing changed, keep what is stored). */
  remember: boolean;
  /** The key to make active: `cocli login switch` ran since we last looked. */
  activate?: string;
}

/**
 * A current-profile different from the last one we saw is a newer choice than the one stored in VS Code (the user ran
 * `cocli login switch`). The first time we see the file, there is nothing to follow yet.
 */
export function followCocliSwitch(lastSeen: string | undefined, fileCurrent: string | undefined): CocliSwitch {
  if (fileCurrent === lastSeen) return { remember: false };
  if (lastSeen !== undefined && fileCurrent !== undefined) return { remember: true, activate: profileKey('cocli', fileCurrent) };
  return { remember: true };
}

/**
 * What the views show depends on: the active profile's identity and visible fields, the token in the file (a new one
 * from `cocli login set -t` means: reload) and the config error. A different fingerprint means views must reload.
 */
export function profileFingerprint(active: ProfileInfo | undefined, fileToken: string, configError: string | undefined): string {
  const info = active
    ? {
        name: active.name,
        endpoint: active.endpoint,
        project: active.project,
        org: active.org,
        projectName: active.projectName,
        source: active.source,
      }
    : null;
  return JSON.stringify([info, fileToken, configError ?? null]);
}
