import type { CosceneApi, User } from '../coscene/model';
import { AdaptiveLimiter, clampConcurrency, ThrottleSignal } from './limiter';
import { accessOfUser, buildAccessMatrix, type AccessMatrix, type UserAccess } from './matrix';
import type { OrgRoster, ProjectScan, ScanProgress } from './model';
import { readOrgRoster, scanProjects } from './scan';

export interface AccessRunOptions {
  includeArchived?: boolean;
  /** Requests in flight at most (the `coscene.access.concurrency` setting). */
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (progress: ScanProgress) => void;
}

type Api = Pick<CosceneApi, 'listProjects' | 'listUsers' | 'getUser'>;

/**
 * The access overview for the session: scans are kept per profile until `drop` (Refresh, another token), so
 * Show Access for a second user and an export after it cost no request. A scan with a project that failed
 * (not refused) is not kept: the next run reads again. A drop while a scan runs keeps that scan out of the cache.
 */
export class AccessSession {
  private readonly scans = new Map<string, ProjectScan>();
  private readonly rosters = new Map<string, OrgRoster>();
  private readonly epochs = new Map<string, number>();
  private readonly throttles = new Map<string, ThrottleSignal>();

  /** `shared`: one hub for every profile (the extension's transport feeds it; only one profile is active at a time). */
  constructor(private readonly shared?: ThrottleSignal) {}

  /** The hub the profile's transport feeds with 429s (see ThrottleSignal). */
  throttleFor(profileKey: string): ThrottleSignal {
    if (this.shared) return this.shared;
    let signal = this.throttles.get(profileKey);
    if (!signal) this.throttles.set(profileKey, (signal = new ThrottleSignal()));
    return signal;
  }

  /** Forgets one profile's scans, or every profile's. */
  drop(profileKey?: string): void {
    const keys = profileKey === undefined ? [...new Set([...this.scans.keys(), ...this.rosters.keys()].map(profileOf))] : [profileKey];
    for (const key of keys) {
      this.epochs.set(key, (this.epochs.get(key) ?? 0) + 1);
      for (const archived of [true, false]) this.scans.delete(scanKey(key, archived));
      this.rosters.delete(key);
    }
  }

  /** A kept scan, without a request: one that included archived projects also answers for active ones only. */
  cachedScan(profileKey: string, includeArchived: boolean): ProjectScan | undefined {
    const exact = this.scans.get(scanKey(profileKey, includeArchived));
    if (exact || includeArchived) return exact;
    const wider = this.scans.get(scanKey(profileKey, true));
    return wider && { ...wider, includeArchived: false, projects: wider.projects.filter((p) => !p.project.archived) };
  }

  async projectScan(profileKey: string, api: Api, options: AccessRunOptions = {}, limiter?: AdaptiveLimiter): Promise<ProjectScan> {
    const includeArchived = options.includeArchived ?? false;
    const cached = this.cachedScan(profileKey, includeArchived);
    if (cached) {
      options.onProgress?.({ done: cached.projects.length, total: cached.projects.length, listed: true });
      return cached;
    }
    const epoch = this.epochs.get(profileKey) ?? 0;
    const scan = await scanProjects(api, { ...options, limiter: limiter ?? this.limiter(options), throttle: this.throttleFor(profileKey) });
    if (epoch === (this.epochs.get(profileKey) ?? 0) && scan.projects.every((p) => p.status !== 'failed')) {
      this.scans.set(scanKey(profileKey, includeArchived), scan);
    }
    return scan;
  }

  async roster(profileKey: string, api: Api, options: AccessRunOptions = {}, limiter?: AdaptiveLimiter): Promise<OrgRoster> {
    const cached = this.rosters.get(profileKey);
    if (cached) return cached;
    const epoch = this.epochs.get(profileKey) ?? 0;
    const roster = await readOrgRoster(api, {
      ...options,
      limiter: limiter ?? this.limiter(options),
      throttle: this.throttleFor(profileKey),
    });
    if (epoch === (this.epochs.get(profileKey) ?? 0) && roster.status !== 'failed') this.rosters.set(profileKey, roster);
    return roster;
  }

  /** The full matrix: the roster and the project scan run side by side under one concurrency bound. */
  async matrix(profileKey: string, api: Api, options: AccessRunOptions = {}): Promise<AccessMatrix> {
    const limiter = this.limiter(options);
    const [scan, roster] = await Promise.all([
      this.projectScan(profileKey, api, options, limiter),
      this.roster(profileKey, api, options, limiter),
    ]);
    return buildAccessMatrix(scan, roster);
  }

  /** One user's access: GetUser for the org role (works without org-admin rights), then the project scan. */
  async userAccess(profileKey: string, api: Api, userName: string, options: AccessRunOptions = {}): Promise<UserAccess> {
    // An unknown user stops the scan it started alongside (the scan is wasted only when the id is wrong).
    const stop = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
    const scan = this.projectScan(profileKey, api, { ...options, signal });
    let user: User;
    try {
      user = await api.getUser(userName, options.signal);
    } catch (err) {
      stop.abort();
      await scan.catch(() => undefined);
      throw err;
    }
    return accessOfUser(await scan, user);
  }

  private limiter(options: AccessRunOptions): AdaptiveLimiter {
    return new AdaptiveLimiter(clampConcurrency(options.concurrency));
  }
}

function scanKey(profileKey: string, includeArchived: boolean): string {
  return `${includeArchived ? 'all' : 'active'}\n${profileKey}`;
}

function profileOf(key: string): string {
  return key.includes('\n') ? key.slice(key.indexOf('\n') + 1) : key;
}
