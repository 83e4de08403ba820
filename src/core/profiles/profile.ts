/** Where a profile came from: the cocli file, a complete COS_* env set, or the extension's own store. */
export type ProfileSource = 'cocli' | 'env' | 'extension';

export interface Profile {
  name: string;
  endpoint: string;
  token: string;
  /** Default project slug. */
  project: string;
  /** Organization slug (cache, display only). */
  org?: string;
  /** projects/<uuid> (cache). */
  projectName?: string;
  source: ProfileSource;
}

/** A profile without its token, safe to show, log or keep in globalState. */
export type ProfileInfo = Omit<Profile, 'token'>;
