import { parseCocliConfig } from './cocliConfig';
import { ConfigError } from './configError';
import type { Profile } from './profile';

/** Name cocli gives the profile built from a complete COS_* env set. */
export const ENV_PROFILE_NAME = 'ENV_LOADED_PROFILE';

export interface ResolvedProfiles {
  /** The env profile first (when complete), then the file's profiles (none when the file is invalid). */
  profiles: Profile[];
  activeName?: string;
  error?: ConfigError;
  /** True when a complete COS_* set is active and the file's current-profile is overridden. */
  envOverrides: boolean;
}

/**
 * cocli's precedence (docs/protocol.md): a complete COS_ENDPOINT + COS_TOKEN + COS_PROJECT set wins, a partial set is
 * ignored, otherwise the file's current-profile. `fileText` undefined = the file does not exist (no error; never created).
 */
export function resolveProfiles(input: { fileText?: string; filePath: string; env: NodeJS.ProcessEnv }): ResolvedProfiles {
  let fileProfiles: Profile[] = [];
  let fileCurrent: string | undefined;
  let error: ConfigError | undefined;
  if (input.fileText !== undefined) {
    try {
      const config = parseCocliConfig(input.fileText, input.filePath);
      fileProfiles = config.profiles;
      fileCurrent = config.currentProfile;
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      error = e;
    }
  }
  const envProfile = profileFromEnv(input.env);
  if (envProfile) {
    return { profiles: [envProfile, ...fileProfiles], activeName: envProfile.name, error, envOverrides: true };
  }
  return { profiles: fileProfiles, activeName: fileCurrent, error, envOverrides: false };
}

export function profileFromEnv(env: NodeJS.ProcessEnv): Profile | undefined {
  const value = (key: string) => env[key]?.trim() || undefined;
  const endpoint = value('COS_ENDPOINT');
  const token = value('COS_TOKEN');
  const project = value('COS_PROJECT');
  if (!endpoint || !token || !project) return undefined;
  const projectId = value('COS_PROJECTID');
  const org = value('COS_ORG');
  return {
    name: ENV_PROFILE_NAME,
    endpoint,
    token,
    project,
    ...(projectId ? { projectName: `projects/${projectId}` } : {}),
    ...(org ? { org } : {}),
    source: 'env',
  };
}
