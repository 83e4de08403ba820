import * as vscode from 'vscode';
import { requestThrottle, throttleListener } from '../../core/access/limiter';
import { createCosceneApi } from '../../core/coscene/api';
import type { CosceneApi } from '../../core/coscene/model';
import { AccessError, msg } from '../../core/errors';
import { createLazyHttpClient } from '../../core/http/lazyHttp';
import type { HttpClient } from '../../core/http/types';
import { ApiClientCache } from '../../core/profiles/apiClientCache';
import { parseCocliConfig } from '../../core/profiles/cocliConfig';
import { ConfigError } from '../../core/profiles/configError';
import type { ProfileWithToken } from '../../core/profiles/accounts';
import type { Profile, ProfileInfo, ProfileSource } from '../../core/profiles/profile';
import { OrgSlugCache } from '../../core/profiles/orgSlugCache';
import { resolveProfiles } from '../../core/profiles/resolveProfiles';
import { chooseActiveProfile, followCocliSwitch, profileFingerprint, profileKey } from '../../core/profiles/selection';
import { registerSecret } from '../../core/redact';
import { reportError } from '../shared/errors';
import { affectsHttpSettings, httpClientOptionsFromSettings, requestTimeoutMs } from '../shared/httpSettings';
import type { Log } from '../shared/log';
import { holdSecrets, type Secrets } from '../shared/secrets';
import type { ActiveProfile } from '../shared/services';
import { cocliConfigPath, readCocliFile, watchCocliFile } from './cocliFile';
import { ExtensionProfiles, OverrideMovedError, StoredProfile } from './extensionProfiles';
import { guardUnauthenticated } from './guardedApi';
import { renderStatusBar } from './profileStatusBar';

/** 429s the transport sees feed the access scans' back-off (core/access/limiter.ts). */
const feedThrottle = throttleListener(requestThrottle);

/** A profile as listed in "Switch Profile…": identified by source and name (names may repeat across sources). */
export interface ListedProfile extends ProfileInfo {
  readonly key: string;
  readonly active: boolean;
}

const ACTIVE_KEY = 'coscene.activeProfile.v1';
/** The cocli file's current-profile when we last read it: a different value means `cocli login switch` ran. */
const LAST_COCLI_CURRENT_KEY = 'coscene.lastCocliCurrent.v1';

/**
 * The one place that knows which coScene profile is active. Sources: the cocli file and COS_* env (read, never
 * written), plus profiles added in VS Code (globalState + SecretStorage). The user's choice is remembered; a
 * changed current-profile in the cocli file (e.g. `cocli login switch`) counts as a newer choice and is followed.
 */
export class ProfileService implements ActiveProfile, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly anyChanged = new vscode.EventEmitter<void>();
  /** Fires when any profile or token may have changed, not only the active one (the Accounts menu lists them all). */
  readonly onDidChangeProfiles = this.anyChanged.event;
  readonly statusBar = vscode.window.createStatusBarItem('coscene.profile', vscode.StatusBarAlignment.Left, 50);
  /** Resolves once the first load is done; commands and api() wait for it. */
  readonly ready: Promise<void>;

  private readonly store: ExtensionProfiles;
  private readonly disposables: vscode.Disposable[] = [];
  private filePath = cocliConfigPath();
  private fileWatch?: vscode.Disposable;
  private fileProfiles: Profile[] = [];
  private fileCurrent?: string;
  private error?: ConfigError;
  private notifiedBroken = false;
  private activeKey?: string;
  /** Identity, visible fields and file token of the active profile; a change means views must reload. */
  private fingerprint = '';
  private rejected = false;
  private http?: HttpClient;
  private readonly clients = new ApiClientCache<CosceneApi>();
  private readonly orgs = new OrgSlugCache();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly context: vscode.ExtensionContext,
    secrets: Secrets,
    private readonly log: Log,
  ) {
    this.store = new ExtensionProfiles(context.globalState, secrets);
    this.statusBar.name = vscode.l10n.t('coScene Profile');
    this.disposables.push(
      this.changed,
      this.anyChanged,
      this.statusBar,
      vscode.workspace.onDidChangeConfiguration((e) => this.onConfigurationChanged(e)),
      secrets.onDidChange(() => {
        this.anyChanged.fire();
        void this.onSecretChanged();
      }),
      new vscode.Disposable(() => this.fileWatch?.dispose()),
    );
    this.watchFile();
    this.ready = this.reload().catch(() => undefined); // already logged; commands still work with what loaded
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    void this.http?.close();
  }

  // ---- ActiveProfile ----

  current(): ProfileInfo | undefined {
    const profile = this.list().find((p) => p.key === this.activeKey);
    if (!profile) return undefined;
    const { key: _key, active: _active, ...info } = profile;
    const org = info.org ?? this.orgs.slug(profileKey(info.source, info.name), info.endpoint);
    return org ? { ...info, org } : info;
  }

  configError(): ConfigError | undefined {
    return this.error;
  }

  async api(): Promise<CosceneApi> {
    await this.ready;
    const profile = this.current();
    if (!profile) {
      if (this.error) throw this.error;
      throw new AccessError(msg('No coScene profile yet. Add one, or log in with cocli.'), ['addProfile']);
    }
    const key = profileKey(profile.source, profile.name);
    const token = await this.tokenFor(profile);
    if (!token)
      throw new AccessError(msg('The profile "{0}" has no token. Set one with "Set Token for Profile…".', profile.name), ['setToken']);
    return this.clients.get(key, token, () => {
      const inner = createCosceneApi({
        endpoint: profile.endpoint,
        token,
        profileName: profile.name,
        http: this.httpClient(),
        timeoutMs: requestTimeoutMs(),
        onRequest: (r) => {
          this.log.debug(
            `coScene ${r.procedure} (attempt ${r.attempt}) → ${r.status ?? 'no answer'}${r.error ? ` ${r.error}` : ''} in ${Math.round(r.durationMs)} ms`,
          );
          feedThrottle(r); // a running access scan slows down while the transport retries a 429
        },
      });
      return guardUnauthenticated(inner, () => {
        if (this.activeKey === key) this.markTokenRejected();
      });
    });
  }

  markTokenRejected(): void {
    if (this.rejected) return;
    this.rejected = true;
    this.log.warn(`The server rejected the token of profile "${this.current()?.name ?? ''}".`);
    this.render();
  }

  // ---- for the commands ----

  isTokenRejected(): boolean {
    return this.rejected;
  }

  /** Everything this extension keeps in globalState (integration tests check that no token is in it). */
  globalStateSnapshot(): Record<string, unknown> {
    return Object.fromEntries(this.context.globalState.keys().map((k) => [k, this.context.globalState.get(k)]));
  }

  configPath(): string {
    return this.filePath;
  }

  /** Every profile: env first, then the cocli file's, then the extension's. */
  list(): ListedProfile[] {
    const infos: ProfileInfo[] = [...this.fileProfiles.map(withoutToken), ...this.store.list()];
    return infos.map((p) => {
      const key = profileKey(p.source, p.name);
      return { ...p, key, active: key === this.activeKey };
    });
  }

  async select(source: ProfileSource, name: string): Promise<void> {
    await this.ready;
    const key = profileKey(source, name);
    if (!this.list().some((p) => p.key === key)) {
      throw new AccessError(msg('There is no profile named "{0}".', name), ['showLogs']);
    }
    await this.context.globalState.update(ACTIVE_KEY, key);
    await this.enqueue(async () => this.recompute());
  }

  async addProfile(profile: StoredProfile, token: string, activate = true): Promise<void> {
    await this.ready;
    registerSecret(token);
    await this.store.add(profile, token);
    if (activate) await this.context.globalState.update(ACTIVE_KEY, profileKey('extension', profile.name));
    await this.enqueue(async () => this.recompute(this.activeKey === profileKey('extension', profile.name)));
  }

  async removeProfile(name: string): Promise<void> {
    await this.ready;
    await this.store.remove(name);
    if (this.context.globalState.get(ACTIVE_KEY) === profileKey('extension', name))
      await this.context.globalState.update(ACTIVE_KEY, undefined);
    await this.enqueue(async () => this.recompute());
  }

  /** Replaces the token of an extension profile, or sets the override for a cocli/env profile. */
  async setToken(source: ProfileSource, name: string, token: string): Promise<void> {
    await this.ready;
    registerSecret(token);
    const key = profileKey(source, name);
    const endpoint = this.list().find((p) => p.key === key)?.endpoint ?? '';
    await this.store.setToken(source, name, token, this.sourceToken(key), endpoint);
    this.tokenChanged(key);
  }

  /** Every profile with the token it signs in with (undefined when it has none): for the Accounts menu. */
  async withTokens(): Promise<ProfileWithToken[]> {
    await this.ready;
    return Promise.all(
      this.list().map(async ({ key: _key, ...p }) => {
        // A keyring that fails leaves the file's token; an override set for another endpoint leaves none.
        const token = await this.tokenFor(p).catch((err: unknown) =>
          err instanceof OverrideMovedError ? undefined : this.sourceToken(profileKey(p.source, p.name)),
        );
        return token ? { ...p, token } : p;
      }),
    );
  }

  /**
   * Sign Out: forgets the token kept in SecretStorage — an extension profile's own token (the profile stays, without
   * a token), or the override set for a cocli/env profile. The cocli file and the environment are never changed.
   */
  async signOut(source: ProfileSource, name: string): Promise<void> {
    await this.ready;
    const key = profileKey(source, name);
    await this.store.deleteToken(source, name);
    this.tokenChanged(key); // a cocli/env profile still has its own token: its organization is fetched again
  }

  /** After a token was set or forgotten: new clients, the organization fetched again, listeners told. */
  private tokenChanged(key: string): void {
    this.orgs.forget(key);
    if (key === this.activeKey) {
      this.clients.clear();
      this.rejected = false;
      this.render();
      this.changed.fire();
      this.fetchOrg();
    }
    this.anyChanged.fire();
  }

  // ---- loading ----

  /** Re-reads the cocli file and env (serialised with other updates). */
  reload(): Promise<void> {
    return this.enqueue(() => this.load());
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task, task);
    this.queue = run.catch((err) => this.log.error('Updating coScene profiles failed', err));
    return run;
  }

  private async load(): Promise<void> {
    let text: string | undefined;
    let readError: ConfigError | undefined;
    try {
      text = await readCocliFile(this.filePath);
    } catch (err) {
      const reason = (err as NodeJS.ErrnoException).code ?? String(err);
      readError = new ConfigError(msg('{0} could not be read: {1}', this.filePath, reason), this.filePath, 1, 1, undefined, { cause: err });
    }
    const resolved = resolveProfiles({ fileText: text, filePath: this.filePath, env: process.env });
    holdSecrets(
      'cocli-config-and-env',
      resolved.profiles.map((p) => p.token),
    );
    this.fileProfiles = resolved.profiles;
    this.error = readError ?? resolved.error;
    this.fileCurrent = undefined;
    if (text !== undefined && !this.error) {
      this.fileCurrent = resolved.envOverrides ? parseCocliConfig(text, this.filePath).currentProfile : resolved.activeName;
      await this.followCocliSwitch(this.fileCurrent);
    }
    await this.recompute();
    this.notifyConfigError();
  }

  private async followCocliSwitch(fileCurrent: string | undefined): Promise<void> {
    const { remember, activate } = followCocliSwitch(this.context.globalState.get<string>(LAST_COCLI_CURRENT_KEY), fileCurrent);
    if (remember) await this.context.globalState.update(LAST_COCLI_CURRENT_KEY, fileCurrent);
    if (activate) {
      this.log.info(`cocli's current profile is now "${fileCurrent}"; switching to it.`);
      await this.context.globalState.update(ACTIVE_KEY, activate);
    }
  }

  private async recompute(forceChange = false): Promise<void> {
    const all = this.list();
    const stored = this.context.globalState.get<string>(ACTIVE_KEY);
    const chosen = chooseActiveProfile(all, stored, this.fileCurrent);
    const previousKey = this.activeKey;
    this.activeKey = chosen?.key;
    const fileToken = chosen ? (this.sourceToken(chosen.key) ?? '') : '';
    const fingerprint = profileFingerprint(chosen, fileToken, this.error?.message);
    if (fingerprint !== this.fingerprint || forceChange) {
      if (previousKey !== this.activeKey) this.log.info(`Active coScene profile: ${this.activeKey ?? 'none'}`);
      this.fingerprint = fingerprint;
      this.clients.clear();
      this.rejected = false;
      // The event goes out in the same turn as the state change: a listener never sees the new profile unannounced.
      this.render();
      this.changed.fire();
      this.fetchOrg();
      void vscode.commands.executeCommand('setContext', 'coscene.hasProfile', chosen !== undefined);
    } else {
      this.render();
    }
    this.anyChanged.fire();
  }

  /** One notification per broken period: later saves of a still-broken file only update the views and status bar. */
  private notifyConfigError(): void {
    const broken = this.error !== undefined;
    if (broken === this.notifiedBroken) return;
    this.notifiedBroken = broken;
    if (this.error) reportError(this.log, 'Reading the cocli config', this.error);
  }

  // ---- tokens, org, http ----

  private async tokenFor(profile: ProfileInfo): Promise<string | undefined> {
    const own = this.sourceToken(profileKey(profile.source, profile.name));
    return (await this.store.token(profile.source, profile.name, own, profile.endpoint)) ?? own;
  }

  /** The token in the cocli file or COS_TOKEN; undefined for extension profiles. */
  private sourceToken(key: string): string | undefined {
    return this.fileProfiles.find((p) => profileKey(p.source, p.name) === key)?.token;
  }

  /** The org slug for the status bar: from the profile when cached there, else one GetOrganization (memory only). */
  private fetchOrg(): void {
    const profile = this.current();
    if (!profile || profile.org) return;
    const fetchSlug = async () => {
      try {
        return (await (await this.api()).getOrganization()).slug;
      } catch (err) {
        this.log.debug(`Could not fetch the organization of ${profile.name}: ${err instanceof Error ? err.message : String(err)}`);
        throw err; // tried again after Set Token or the next switch
      }
    };
    this.orgs.fetch(profileKey(profile.source, profile.name), profile.endpoint, fetchSlug, () => this.render());
  }

  private httpClient(): HttpClient {
    this.http ??= createLazyHttpClient(httpClientOptionsFromSettings(this.log));
    return this.http;
  }

  private onConfigurationChanged(e: vscode.ConfigurationChangeEvent): void {
    if (affectsHttpSettings(e)) {
      const old = this.http;
      this.http = undefined;
      this.clients.clear();
      void old?.close(); // waits for requests in flight
    }
    if (e.affectsConfiguration('coscene.cocliConfigPath')) {
      this.filePath = cocliConfigPath();
      this.watchFile();
      void this.reload();
    }
  }

  private watchFile(): void {
    this.fileWatch?.dispose();
    this.fileWatch = watchCocliFile(this.filePath, this.log, () => void this.reload());
  }

  /** Another window may have replaced a token: drop the client if the active profile's token differs now. */
  private async onSecretChanged(): Promise<void> {
    const profile = this.current();
    if (!profile || this.clients.token() === undefined) return;
    const token = await this.tokenFor(profile).catch(() => undefined);
    // Compared with the client cached now: our own Set Token may have replaced it meanwhile (then nothing is stale).
    const cachedToken = this.clients.token();
    if (cachedToken === undefined || token === cachedToken) return;
    this.clients.clear();
    this.rejected = false;
    this.orgs.forget(profileKey(profile.source, profile.name));
    this.render();
    this.changed.fire();
  }

  private render(): void {
    renderStatusBar(this.statusBar, {
      profile: this.current(),
      tokenRejected: this.rejected,
      configError: this.error,
      configPath: this.filePath,
    });
  }
}

function withoutToken(p: Profile): ProfileInfo {
  const { token: _token, ...info } = p;
  return info;
}
