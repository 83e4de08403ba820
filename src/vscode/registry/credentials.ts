import type * as vscode from 'vscode';
import type { CosceneApi } from '../../core/coscene/model';
import { isReusable, StoredCredential } from '../../core/registry/storedCredential';
import type { Secrets, SecretsOf } from '../shared/secrets';
import { isSafeRegistryUsername } from '../../core/text/serverText';
import { CREDENTIAL_SECRET_KEY as SECRET_KEY, CREDENTIAL_STATE_KEY as META_KEY } from './keys';

export interface CredentialScope {
  host: string;
  profile: string;
  endpoint: string;
}

type CredentialMeta = Omit<StoredCredential, 'password'>;
type SecretPart = { password: string; createdAt: number };
const passwordOnly: SecretsOf<SecretPart> = (s) => [typeof s?.password === 'string' ? s.password : undefined];

/**
 * The last temporary registry credential, reused within its lifetime. Only the password goes to
 * SecretStorage (registered for redaction, forgotten when replaced or forgotten); the host and username
 * must stay readable in messages and logs and live in globalState.
 */
export class RegistryCredentials {
  constructor(
    private readonly secrets: Secrets,
    private readonly memento: vscode.Memento,
  ) {}

  async stored(): Promise<StoredCredential | undefined> {
    const meta = this.memento.get<CredentialMeta>(META_KEY);
    // The user name is printed in the terminal and passed to docker: one stored before names were checked is not reused.
    if (!meta || !isSafeRegistryUsername(meta.username)) return undefined;
    const secret = await this.secrets.get(SECRET_KEY, passwordOnly);
    // createdAt pairs the two halves (another window may have replaced one of them).
    if (!secret || secret.createdAt !== meta.createdAt) return undefined;
    return { ...meta, password: secret.password };
  }

  /** The stored credential without its password (safe to show). */
  storedInfo(): CredentialMeta | undefined {
    return this.memento.get<CredentialMeta>(META_KEY);
  }

  /**
   * The stored credential when it is reusable, else a new one. `saved` settles once a new one is kept (the login does
   * not wait for it: docker starts as soon as the credential arrives); it never rejects: it resolves with the error
   * when keeping failed, else with undefined.
   */
  async obtain(
    api: CosceneApi,
    scope: CredentialScope,
    lifetimeMinutes: number,
    signal?: AbortSignal,
  ): Promise<{ credential: StoredCredential; reused: boolean; saved: Promise<unknown> }> {
    const query = { ...scope, lifetimeMinutes, now: Date.now() };
    // The password is read only when the public half says the credential is still good (a keyring read is a round trip).
    const meta = this.memento.get<CredentialMeta>(META_KEY);
    const stored = meta && isReusable({ ...meta, password: '' }, query) ? await this.stored() : undefined;
    if (isReusable(stored, query)) return { credential: stored, reused: true, saved: Promise.resolve() };
    const credential = await this.fetchNew(api, scope, signal);
    return {
      credential,
      reused: false,
      saved: this.keep(credential).then(
        () => undefined,
        (err: unknown) => err,
      ),
    };
  }

  /** Always asks the API for a new credential and keeps it as the last one. */
  async create(api: CosceneApi, scope: CredentialScope, signal?: AbortSignal): Promise<StoredCredential> {
    const credential = await this.fetchNew(api, scope, signal);
    await this.keep(credential);
    return credential;
  }

  private async fetchNew(api: CosceneApi, scope: CredentialScope, signal?: AbortSignal): Promise<StoredCredential> {
    const { username, password } = await api.createBasicCredential(signal);
    return { ...scope, username, createdAt: Date.now(), password };
  }

  private async keep({ password, ...meta }: StoredCredential): Promise<void> {
    await this.secrets.set(SECRET_KEY, { password, createdAt: meta.createdAt }, passwordOnly);
    await this.memento.update(META_KEY, meta);
  }

  /** True when a credential was stored. */
  async forget(): Promise<boolean> {
    const had = this.memento.get(META_KEY) !== undefined;
    await this.memento.update(META_KEY, undefined);
    await this.secrets.delete(SECRET_KEY);
    return had;
  }
}
