import * as vscode from 'vscode';
import { AccessError, msg } from '../../core/errors';
import { createArtifactApi } from '../../core/huawei/artifact';
import { tokenStep } from '../../core/huawei/credentials';
import { createIamApi } from '../../core/huawei/iam';
import type { ArtifactApi, HuaweiCredentials, IamApi } from '../../core/huawei/model';
import { decideOrigins, HuaweiOrigins, nonHuaweiHosts, originError, originOf } from '../../core/huawei/origins';
import { artifactEndpoint, iamEndpoint } from '../../core/huawei/regions';
import { HttpClients } from '../shared/httpClients';
import { requestTimeoutMs } from '../shared/httpSettings';
import type { Log } from '../shared/log';
import type { Ui } from '../shared/ui';
import { HUAWEI_SETTINGS_SECTION, SIGN_IN_COMMAND, SIGNED_IN_CONTEXT_KEY } from './keys';
import { CredentialStore, PasswordCredentials, StoredCredentials, TokenOnlyCredentials } from './credentialStore';
import { huaweiLanguage } from './language';

export interface PasswordSignIn {
  userName: string;
  password: string;
  domainName: string;
  region: string;
  /** False: the password gets the 24 h token and is not kept; the user signs in again when the token ends. */
  keepPassword?: boolean;
}

export interface AkSkSignIn {
  ak: string;
  sk: string;
  securityToken?: string;
  region: string;
  domainId: string;
}

/** What a view needs to call CodeArts Artifact: a client with fresh credentials and the ids that go into paths. */
export interface ArtifactContext {
  api: ArtifactApi;
  /** Account (domain) id: the tenant_id of ListAllRepositories. */
  tenantId: string;
  codeartsProjectId: string;
}

function originsOf(endpoints: { iam: string; artifact: string }): HuaweiOrigins {
  return { iam: originOf(endpoints.iam), artifact: originOf(endpoints.artifact) };
}

function huaweiSetting(name: 'region' | 'endpoint' | 'iamEndpoint'): string {
  return vscode.workspace.getConfiguration(HUAWEI_SETTINGS_SECTION).get<string>(name)?.trim() ?? '';
}

export function configuredRegion(): string {
  return huaweiSetting('region') || 'cn-north-4';
}

/** The Huawei Cloud sign-in of this machine: credentials in SecretStorage, clients built on demand. */
export class HuaweiSession implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private credentials: StoredCredentials | undefined;
  /** Rebuilt when the proxy, CA or timeout settings change (the old one closes after its requests). */
  private readonly clients: HttpClients;
  private renewal: Promise<PasswordCredentials> | undefined;
  /** Counts this window's own changes of the credentials: a reload that started before one read older ones. */
  private generation = 0;
  private loadedOnce = false;
  private readonly warnedHosts = new Set<string>();
  /** expiresAt of the token-only sign-in whose end was already announced. */
  private announcedEnd: string | undefined;

  /** `ui` shows the warnings (an endpoint outside Huawei Cloud, a sign-in that ended). */
  constructor(
    private readonly store: CredentialStore,
    private readonly log: Log,
    private readonly ui: Ui,
  ) {
    this.clients = new HttpClients(this.log);
    this.disposables.push(
      this.clients,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(HUAWEI_SETTINGS_SECTION)) this.changed.fire();
      }),
      // Another window signed in or out.
      store.onDidChange(() => void this.reload()),
    );
  }

  /** Reads the stored credentials (at activation, and when another window changed them). */
  async reload(): Promise<void> {
    let loaded: StoredCredentials | undefined;
    const generation = this.generation;
    try {
      await this.store.idle(); // this window's own writes first
      loaded = await this.store.load();
    } catch (err) {
      this.log.error('Reading the Huawei Cloud credentials failed', err);
    }
    if (generation !== this.generation) return; // this window changed them meanwhile: what was read is older
    const unchanged = this.loadedOnce && canonical(loaded) === canonical(this.credentials);
    this.loadedOnce = true;
    this.credentials = loaded;
    if (!unchanged) await this.publish();
  }

  isSignedIn(): boolean {
    return this.credentials !== undefined;
  }

  /** Short description for the view: who is signed in, where. */
  describe(): string | undefined {
    const c = this.credentials;
    if (!c) return undefined;
    return c.kind !== 'aksk' ? `${c.domainName}/${c.userName} · ${c.region}` : `AK ${c.ak.slice(0, 4)}… · ${c.region}`;
  }

  codeartsProjectId(): string | undefined {
    return this.store.codeartsProjectId();
  }

  iam(region: string): IamApi {
    return this.iamAt(iamEndpoint(region, huaweiSetting('iamEndpoint')));
  }

  private iamAt(endpoint: string): IamApi {
    return createIamApi({ endpoint, http: this.clients.http(), timeoutMs: requestTimeoutMs() });
  }

  async signInWithPassword(input: PasswordSignIn, codeartsProjectId: string, signal?: AbortSignal): Promise<void> {
    const origins = this.currentOrigins(input.region);
    this.warnAboutHosts(origins);
    const { keepPassword = true, ...signIn } = input;
    const token = await this.iam(input.region).passwordToken(signIn, signal);
    const { password, ...names } = signIn;
    const credentials: PasswordCredentials | TokenOnlyCredentials = keepPassword
      ? { kind: 'password', ...names, password, token, origins }
      : { kind: 'tokenOnly', ...names, token, origins };
    await this.commit(credentials, codeartsProjectId);
    this.log.info(
      `Signed in to Huawei Cloud as ${input.domainName}/${input.userName} (${input.region})${keepPassword ? '' : ', password not kept'}.`,
    );
  }

  async signInWithAkSk(input: AkSkSignIn, codeartsProjectId: string, signal?: AbortSignal): Promise<void> {
    const partial = {
      kind: 'aksk' as const,
      region: input.region,
      ak: input.ak,
      sk: input.sk,
      securityToken: input.securityToken || undefined,
    };
    const origins = this.currentOrigins(input.region);
    this.warnAboutHosts(origins);
    const projectId = await this.iam(input.region).resolveProjectId(partial, signal);
    await this.commit({ ...partial, projectId, domainId: input.domainId, origins }, codeartsProjectId);
    this.log.info(`Signed in to Huawei Cloud with an access key (${input.region}).`);
  }

  async signOut(): Promise<void> {
    await this.store.clear();
    this.setCredentials(undefined);
    await this.publish();
    this.log.info('Signed out of Huawei Cloud.');
  }

  async setCodeartsProjectId(id: string): Promise<void> {
    await this.store.setCodeartsProjectId(id);
    this.changed.fire();
  }

  /** A CodeArts Artifact client with current credentials (the IAM token renewed first when it is about to expire). */
  async artifact(): Promise<ArtifactContext> {
    let c = this.credentials;
    const codeartsProjectId = this.store.codeartsProjectId();
    if (!c || !codeartsProjectId) {
      throw new AccessError(msg('Sign in to Huawei Cloud to see repository permissions.'), ['signIn']);
    }
    // One reading of the settings, checked against the sign-in and then used for every request below: a setting
    // changed while the renewal is on the wire must not redirect the token (or the password) to an unchecked host.
    const endpoints = this.currentEndpoints(c.region);
    c = await this.boundToOrigins(c, endpoints);
    const step = tokenStep(c, new Date());
    if (step === 'renew' && c.kind === 'password') c = await this.renew(c, endpoints.iam);
    if (step === 'signInAgain' && c.kind === 'tokenOnly') throw this.signInEnded(c);
    const credentials: HuaweiCredentials =
      c.kind !== 'aksk'
        ? { kind: 'token', region: c.region, token: c.token }
        : {
            kind: 'aksk',
            region: c.region,
            ak: c.ak,
            sk: c.sk,
            securityToken: c.securityToken,
            projectId: c.projectId,
            domainId: c.domainId,
          };
    const api = createArtifactApi({
      endpoint: endpoints.artifact,
      credentials,
      http: this.clients.http(),
      language: huaweiLanguage(),
      timeoutMs: requestTimeoutMs(),
    });
    return { api, tenantId: c.kind !== 'aksk' ? c.token.domainId : c.domainId, codeartsProjectId };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private renew(c: PasswordCredentials, iamUrl: string): Promise<PasswordCredentials> {
    this.renewal ??= (async () => {
      try {
        const token = await this.iamAt(iamUrl).passwordToken(c);
        const renewed: PasswordCredentials = { ...c, token };
        this.setCredentials(renewed);
        await this.store.save(renewed);
        this.log.info('Renewed the Huawei Cloud IAM token.');
        return renewed;
      } finally {
        this.renewal = undefined;
      }
    })();
    return this.renewal;
  }

  /** The IAM and CodeArts Artifact endpoints the settings give now for a region (throws on an invalid override). */
  private currentEndpoints(region: string): { iam: string; artifact: string } {
    return { iam: iamEndpoint(region, huaweiSetting('iamEndpoint')), artifact: artifactEndpoint(region, huaweiSetting('endpoint')) };
  }

  /** The origins the settings give now for the region of a sign-in (throws on an invalid override). */
  private currentOrigins(region: string): HuaweiOrigins {
    return originsOf(this.currentEndpoints(region));
  }

  /** Refuses (with the old and new host) when `endpoints` are not those of the sign-in; binds older credentials. */
  private async boundToOrigins(c: StoredCredentials, endpoints: { iam: string; artifact: string }): Promise<StoredCredentials> {
    const decision = decideOrigins(c.origins, originsOf(endpoints));
    if (decision.kind !== 'ok') {
      const error = originError(decision);
      this.log.warn(error.message);
      throw error;
    }
    this.warnAboutHosts(decision.origins);
    if (!decision.adopted) return c;
    const bound = { ...c, origins: decision.origins };
    this.setCredentials(bound);
    await this.store.save(bound);
    this.log.info(`Bound the stored Huawei Cloud sign-in to ${decision.origins.iam} and ${decision.origins.artifact}.`);
    return bound;
  }

  /** Once per host and window: an endpoint outside Huawei Cloud receives the credentials. */
  private warnAboutHosts(origins: HuaweiOrigins): void {
    const hosts = nonHuaweiHosts(origins).filter((h) => !this.warnedHosts.has(h));
    if (hosts.length === 0) return;
    for (const h of hosts) this.warnedHosts.add(h);
    this.log.warn(`Huawei Cloud endpoint outside Huawei Cloud: ${hosts.join(', ')}`);
    void this.ui.showWarningMessage(
      vscode.l10n.t(
        'The Huawei Cloud endpoint {0} is not a Huawei Cloud host. Your Huawei Cloud credentials are sent there: make sure you trust it.',
        hosts.join(', '),
      ),
    );
  }

  /** The token of a sign-in without kept password ended: ask for a new sign-in (once per token). */
  private signInEnded(c: TokenOnlyCredentials): AccessError {
    if (this.announcedEnd !== c.token.expiresAt) {
      this.announcedEnd = c.token.expiresAt;
      const signIn = vscode.l10n.t('Sign In…');
      void this.ui
        .showWarningMessage(
          vscode.l10n.t('Your Huawei Cloud sign-in has ended (the password was not kept). Sign in again to see repository permissions.'),
          signIn,
        )
        .then((picked) => (picked === signIn ? vscode.commands.executeCommand(SIGN_IN_COMMAND) : undefined));
    }
    return new AccessError(
      msg('Your Huawei Cloud sign-in has ended (the password was not kept). Sign in again to see repository permissions.'),
      ['signIn'],
    );
  }

  /** The view lists while the keyring write is on its way (the store orders its writes); a failed write undoes it. */
  private async commit(credentials: StoredCredentials, codeartsProjectId: string): Promise<void> {
    const saved = Promise.all([this.store.setCodeartsProjectId(codeartsProjectId), this.store.save(credentials)]);
    const previous = this.credentials;
    this.setCredentials(credentials);
    const published = this.publish();
    try {
      await saved;
    } catch (err) {
      if (this.credentials === credentials) {
        this.setCredentials(previous);
        await this.publish();
      }
      throw err;
    }
    await published;
  }

  private setCredentials(credentials: StoredCredentials | undefined): void {
    this.credentials = credentials;
    this.generation++;
  }

  /** The view is told first (it starts listing); the context key only gates menus. */
  private async publish(): Promise<void> {
    this.changed.fire();
    await vscode.commands.executeCommand('setContext', SIGNED_IN_CONTEXT_KEY, this.isSignedIn());
  }
}

/** JSON with sorted keys: the stored credentials come back with their fields in another order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1))) : v,
  );
}
