import * as vscode from 'vscode';
import type { CosceneApi } from '../../core/coscene/model';
import { AccessError, msg } from '../../core/errors';
import type { ConfigError } from '../../core/profiles/configError';
import type { ProfileWithToken } from '../../core/profiles/accounts';
import type { ProfileInfo, ProfileSource } from '../../core/profiles/profile';
import { OrgSlugCache } from '../../core/profiles/orgSlugCache';
import { chooseActiveProfile, profileFingerprint, profileKey } from '../../core/profiles/selection';
import { registerSecret } from '../../core/redact';
import { type Reporter, reportError } from '../shared/errors';
import { HttpClients } from '../shared/httpClients';
import type { Secrets } from '../shared/secrets';
import type { ActiveProfile } from '../shared/featureContext';
import { CocliSource } from './cocliFile';
import { ExtensionProfiles, type StoredProfile } from './extensionProfiles';
import { ActiveChoice } from './activeChoice';
import { HAS_PROFILE_CONTEXT_KEY } from './keys';
import { createProfileApi } from './profileApi';
import { ProfileTokens } from './profileTokens';

/** A profile as listed in "Switch Profile…": identified by source and name (names may repeat across sources). */
export interface ListedProfile extends ProfileInfo {
  readonly key: string;
  readonly active: boolean;
}

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
  private readonly statusChanged = new vscode.EventEmitter<void>();
  /** Fires when what the status bar shows may have changed: the active profile, its organization, a rejected token, the config error. */
  readonly onDidChangeStatus = this.statusChanged.event;
  /** Resolves once the first load is done; commands and api() wait for it. */
  readonly ready: Promise<void>;

  private readonly store: ExtensionProfiles;
  private readonly choice: ActiveChoice;
  private readonly tokens: ProfileTokens;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly cocli: CocliSource;
  private notifiedBroken = false;
  private activeKey?: string;
  /** Identity, visible fields and file token of the active profile; a change means views must reload. */
  private fingerprint = '';
  private rejected = false;
  private readonly clients: HttpClients<CosceneApi>;
  private readonly orgs = new OrgSlugCache();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    state: vscode.Memento,
    secrets: Secrets,
    /** Where a broken cocli file is reported. */
    private readonly reporter: Reporter,
  ) {
    this.store = new ExtensionProfiles(state, secrets);
    this.choice = new ActiveChoice(state, reporter.log);
    this.clients = new HttpClients<CosceneApi>(reporter.log);
    this.cocli = new CocliSource(reporter.log, () => void this.reload());
    this.tokens = new ProfileTokens(this.store, this.cocli);
    this.disposables.push(
      this.changed,
      this.anyChanged,
      this.statusChanged,
      this.clients,
      this.cocli,
      secrets.onDidChange(() => {
        this.tokens.forgetKept();
        this.anyChanged.fire();
        void this.onSecretChanged();
      }),
    );
    this.ready = this.reload().catch(() => undefined); // already logged; commands still work with what loaded
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
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
    return this.cocli.error();
  }

  async api(): Promise<CosceneApi> {
    await this.ready;
    const profile = this.current();
    if (!profile) {
      const error = this.cocli.error();
      if (error) throw error;
      throw new AccessError(msg('No coScene profile yet. Add one, or log in with cocli.'), ['addProfile']);
    }
    const key = profileKey(profile.source, profile.name);
    const token = await this.tokens.kept(profile);
    if (!token)
      throw new AccessError(msg('The profile "{0}" has no token. Set one with "Set Token for Profile…".', profile.name), ['setToken']);
    return this.clients.api(key, token, (http) =>
      createProfileApi(profile, token, http, this.reporter.log, () => {
        if (this.activeKey === key) this.markTokenRejected();
      }),
    );
  }

  /** Off the user's path (after activation): the HTTP stack loaded and the active profile's token read. */
  async warm(): Promise<void> {
    try {
      await this.api();
      this.clients.warm();
    } catch {
      // no profile or token yet: the views say so when they are opened
    }
  }

  markTokenRejected(): void {
    if (this.rejected) return;
    this.rejected = true;
    this.reporter.log.warn(`The server rejected the token of profile "${this.current()?.name ?? ''}".`);
    this.statusChanged.fire();
  }

  // ---- for the commands ----

  isTokenRejected(): boolean {
    return this.rejected;
  }

  configPath(): string {
    return this.cocli.path();
  }

  /** Every profile: env first, then the cocli file's, then the extension's. */
  list(): ListedProfile[] {
    const infos: ProfileInfo[] = [...this.cocli.withoutTokens(), ...this.store.list()];
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
    await this.choice.choose(key);
    await this.enqueue(async () => this.recompute());
  }

  async addProfile(profile: StoredProfile, token: string, activate = true): Promise<void> {
    await this.ready;
    registerSecret(token);
    await this.store.add(profile, token);
    if (activate) await this.choice.choose(profileKey('extension', profile.name));
    await this.enqueue(async () => this.recompute(this.activeKey === profileKey('extension', profile.name)));
  }

  async removeProfile(name: string): Promise<void> {
    await this.ready;
    await this.store.remove(name);
    await this.choice.forget(profileKey('extension', name));
    await this.enqueue(async () => this.recompute());
  }

  /** Replaces the token of an extension profile, or sets the override for a cocli/env profile. */
  async setToken(source: ProfileSource, name: string, token: string): Promise<void> {
    await this.ready;
    registerSecret(token);
    const key = profileKey(source, name);
    const endpoint = this.list().find((p) => p.key === key)?.endpoint ?? '';
    await this.store.setToken(source, name, token, this.cocli.token(key), endpoint);
    this.tokenChanged(key);
  }

  /** Every profile with the token it signs in with (undefined when it has none): for the Accounts menu. */
  async withTokens(): Promise<ProfileWithToken[]> {
    await this.ready;
    return this.tokens.withTokens(this.list().map(({ key: _key, ...p }) => p));
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
    this.tokens.forgetKept();
    this.orgs.forget(key);
    if (key === this.activeKey) {
      this.clients.clearApi();
      this.rejected = false;
      this.statusChanged.fire();
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
    this.queue = run.catch((err) => this.reporter.log.error('Updating coScene profiles failed', err));
    return run;
  }

  private async load(): Promise<void> {
    const loaded = await this.cocli.load();
    if (loaded.fileValid) await this.choice.followCocli(loaded.fileCurrent);
    await this.recompute();
    this.notifyConfigError();
  }

  private async recompute(forceChange = false): Promise<void> {
    this.tokens.forgetKept(); // the file's token, or which profile is active, may have changed
    const all = this.list();
    const chosen = chooseActiveProfile(all, this.choice.key(), this.cocli.fileCurrent());
    const previousKey = this.activeKey;
    this.activeKey = chosen?.key;
    const fileToken = chosen ? (this.cocli.token(chosen.key) ?? '') : '';
    const fingerprint = profileFingerprint(chosen, fileToken, this.cocli.error()?.message);
    if (fingerprint !== this.fingerprint || forceChange) {
      if (previousKey !== this.activeKey) this.reporter.log.info(`Active coScene profile: ${this.activeKey ?? 'none'}`);
      this.fingerprint = fingerprint;
      this.clients.clearApi();
      this.rejected = false;
      // The events go out in the same turn as the state change: a listener never sees the new profile unannounced.
      this.statusChanged.fire();
      this.changed.fire();
      this.fetchOrg();
      void vscode.commands.executeCommand('setContext', HAS_PROFILE_CONTEXT_KEY, chosen !== undefined);
    } else {
      this.statusChanged.fire();
    }
    this.anyChanged.fire();
  }

  /** One notification per broken period: later saves of a still-broken file only update the views and status bar. */
  private notifyConfigError(): void {
    const error = this.cocli.error();
    if ((error !== undefined) === this.notifiedBroken) return;
    this.notifiedBroken = error !== undefined;
    if (error) reportError(this.reporter, 'Reading the cocli config', error);
  }

  // ---- tokens, org, settings ----

  /** The org slug for the status bar: from the profile when cached there, else one GetOrganization (memory only). */
  private fetchOrg(): void {
    const profile = this.current();
    if (!profile || profile.org) return;
    const fetchSlug = async () => {
      try {
        return (await (await this.api()).getOrganization()).slug;
      } catch (err) {
        this.reporter.log.debug(`Could not fetch the organization of ${profile.name}: ${err instanceof Error ? err.message : String(err)}`);
        throw err; // tried again after Set Token or the next switch
      }
    };
    this.orgs.fetch(profileKey(profile.source, profile.name), profile.endpoint, fetchSlug, () => this.statusChanged.fire());
  }

  /** Another window may have replaced a token: drop the client if the active profile's token differs now. */
  private async onSecretChanged(): Promise<void> {
    const profile = this.current();
    if (!profile || this.clients.apiToken() === undefined) return;
    const token = await this.tokens.tokenFor(profile).catch(() => undefined);
    // Compared with the client cached now: our own Set Token may have replaced it meanwhile (then nothing is stale).
    const cachedToken = this.clients.apiToken();
    if (cachedToken === undefined || token === cachedToken) return;
    this.clients.clearApi();
    this.rejected = false;
    this.orgs.forget(profileKey(profile.source, profile.name));
    this.statusChanged.fire();
    this.changed.fire();
  }
}
