import * as vscode from 'vscode';
import { AccessError, msg } from '../../core/errors';
import { createArtifactApi } from '../../core/huawei/artifact';
import { createIamApi, tokenNeedsRenewal } from '../../core/huawei/iam';
import type { ArtifactApi, HuaweiCredentials, IamApi } from '../../core/huawei/model';
import { artifactEndpoint, iamEndpoint } from '../../core/huawei/regions';
import { createLazyHttpClient } from '../../core/http/lazyHttp';
import type { HttpClient } from '../../core/http/types';
import { affectsHttpSettings, httpClientOptionsFromSettings, requestTimeoutMs } from '../shared/httpSettings';
import type { Log } from '../shared/log';
import { SIGNED_IN_CONTEXT_KEY } from './keys';
import { AkSkCredentials, CredentialStore, PasswordCredentials, StoredCredentials } from './credentialStore';
import { huaweiLanguage } from './language';

export interface PasswordSignIn {
  userName: string;
  password: string;
  domainName: string;
  region: string;
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

function huaweiSetting(name: 'region' | 'endpoint' | 'iamEndpoint'): string {
  return vscode.workspace.getConfiguration('coscene.huawei').get<string>(name)?.trim() ?? '';
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
  private http: HttpClient;
  private renewal: Promise<PasswordCredentials> | undefined;
  private loadedOnce = false;

  constructor(
    private readonly store: CredentialStore,
    private readonly log: Log,
  ) {
    this.http = createLazyHttpClient(httpClientOptionsFromSettings());
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsHttpSettings(e)) this.replaceHttpClient();
        if (e.affectsConfiguration('coscene.huawei')) this.changed.fire();
      }),
      // Another window signed in or out.
      store.onDidChange(() => void this.reload()),
    );
  }

  /** Reads the stored credentials (at activation, and when another window changed them). */
  async reload(): Promise<void> {
    let loaded: StoredCredentials | undefined;
    try {
      loaded = await this.store.load();
    } catch (err) {
      this.log.error('Reading the Huawei Cloud credentials failed', err);
    }
    const unchanged = this.loadedOnce && JSON.stringify(loaded) === JSON.stringify(this.credentials);
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
    return c.kind === 'password' ? `${c.domainName}/${c.userName} · ${c.region}` : `AK ${c.ak.slice(0, 4)}… · ${c.region}`;
  }

  codeartsProjectId(): string | undefined {
    return this.store.codeartsProjectId();
  }

  iam(region: string): IamApi {
    return createIamApi({ endpoint: iamEndpoint(region, huaweiSetting('iamEndpoint')), http: this.http, timeoutMs: requestTimeoutMs() });
  }

  async signInWithPassword(input: PasswordSignIn, codeartsProjectId: string, signal?: AbortSignal): Promise<void> {
    const token = await this.iam(input.region).passwordToken(input, signal);
    await this.commit({ kind: 'password', ...input, token }, codeartsProjectId);
    this.log.info(`Signed in to Huawei Cloud as ${input.domainName}/${input.userName} (${input.region}).`);
  }

  async signInWithAkSk(input: AkSkSignIn, codeartsProjectId: string, signal?: AbortSignal): Promise<void> {
    const partial = { kind: 'aksk' as const, region: input.region, ak: input.ak, sk: input.sk, securityToken: input.securityToken || undefined };
    const projectId = await this.iam(input.region).resolveProjectId(partial, signal);
    await this.commit({ ...partial, projectId, domainId: input.domainId }, codeartsProjectId);
    this.log.info(`Signed in to Huawei Cloud with an access key (${input.region}).`);
  }

  async signOut(): Promise<void> {
    await this.store.clear();
    this.credentials = undefined;
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
    if (c.kind === 'password' && tokenNeedsRenewal(c.token, new Date())) c = await this.renew(c);
    const credentials: HuaweiCredentials =
      c.kind === 'password'
        ? { kind: 'token', region: c.region, token: c.token }
        : { kind: 'aksk', region: c.region, ak: c.ak, sk: c.sk, securityToken: c.securityToken, projectId: c.projectId, domainId: c.domainId };
    const api = createArtifactApi({
      endpoint: artifactEndpoint(c.region, huaweiSetting('endpoint')),
      credentials,
      http: this.http,
      language: huaweiLanguage(),
      timeoutMs: requestTimeoutMs(),
    });
    return { api, tenantId: c.kind === 'password' ? c.token.domainId : c.domainId, codeartsProjectId };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    void this.http.close();
  }

  private renew(c: PasswordCredentials): Promise<PasswordCredentials> {
    this.renewal ??= (async () => {
      try {
        const token = await this.iam(c.region).passwordToken(c);
        const renewed: PasswordCredentials = { ...c, token };
        this.credentials = renewed;
        await this.store.save(renewed);
        this.log.info('Renewed the Huawei Cloud IAM token.');
        return renewed;
      } finally {
        this.renewal = undefined;
      }
    })();
    return this.renewal;
  }

  private async commit(credentials: PasswordCredentials | AkSkCredentials, codeartsProjectId: string): Promise<void> {
    await this.store.save(credentials);
    await this.store.setCodeartsProjectId(codeartsProjectId);
    this.credentials = credentials;
    await this.publish();
  }

  private async publish(): Promise<void> {
    await vscode.commands.executeCommand('setContext', SIGNED_IN_CONTEXT_KEY, this.isSignedIn());
    this.changed.fire();
  }

  private replaceHttpClient(): void {
    const old = this.http;
    this.http = createLazyHttpClient(httpClientOptionsFromSettings());
    void old.close();
  }
}
