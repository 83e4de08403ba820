import type * as vscode from 'vscode';
import { joinCredentials, PublicPart, SecretPart, splitCredentials, StoredCredentials } from '../../core/huawei/credentials';
import { CODEARTS_PROJECT_STATE_KEY, CREDENTIALS_SECRET_KEY, SESSION_STATE_KEY } from './keys';
import { Secrets, SecretsOf } from '../shared/secrets';

export type { AkSkCredentials, PasswordCredentials, StoredCredentials, TokenOnlyCredentials } from '../../core/huawei/credentials';

const SECRET_KEY = CREDENTIALS_SECRET_KEY;
const SESSION_KEY = SESSION_STATE_KEY;
const CODEARTS_PROJECT_KEY = CODEARTS_PROJECT_STATE_KEY;

/** Every field of the secret part is a secret (masked in logs, forgotten on sign-out). */
const secretFields: SecretsOf<SecretPart> = (s) => ('sk' in s ? [s.ak, s.sk, s.securityToken] : [s.password, s.token]);

/** Secrets (password, token, AK/SK) in SecretStorage; ids, names and the region in globalState. */
export class CredentialStore {
  private readonly secrets: Secrets;

  private writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly context: vscode.ExtensionContext) {
    this.secrets = new Secrets(context.secrets);
  }

  async load(): Promise<StoredCredentials | undefined> {
    const pub = this.context.globalState.get<PublicPart>(SESSION_KEY);
    if (!pub) return undefined;
    return joinCredentials(pub, await this.secrets.get<SecretPart>(SECRET_KEY, secretFields));
  }

  /** The public part first: the secret's change event is what other windows reload on. Writes are queued. */
  save(credentials: StoredCredentials): Promise<void> {
    return this.queued(async () => {
      const { pub, secret } = splitCredentials(credentials);
      await this.context.globalState.update(SESSION_KEY, pub);
      await this.secrets.set(SECRET_KEY, secret, secretFields);
    });
  }

  clear(): Promise<void> {
    return this.queued(async () => {
      await this.secrets.delete(SECRET_KEY);
      await this.context.globalState.update(SESSION_KEY, undefined);
    });
  }

  /** Settles once this window's writes so far are done: a write started later (a renewal) never lands first. */
  idle(): Promise<unknown> {
    return this.writes;
  }

  private queued(write: () => Promise<void>): Promise<void> {
    const run = this.writes.then(write, write);
    this.writes = run.catch(() => undefined);
    return run;
  }

  onDidChange(listener: () => void): vscode.Disposable {
    return this.secrets.onDidChange((key) => {
      if (key === SECRET_KEY) listener();
    });
  }

  codeartsProjectId(): string | undefined {
    return this.context.globalState.get<string>(CODEARTS_PROJECT_KEY);
  }

  setCodeartsProjectId(id: string | undefined): Thenable<void> {
    return this.context.globalState.update(CODEARTS_PROJECT_KEY, id);
  }
}
