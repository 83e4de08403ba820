import type * as vscode from 'vscode';
import type { IamToken } from '../../core/huawei/model';
import { CODEARTS_PROJECT_STATE_KEY, CREDENTIALS_SECRET_KEY, SESSION_STATE_KEY } from './keys';
import { Secrets, SecretsOf } from '../shared/secrets';

/**
 * Password sign-in keeps the password next to the token (both in SecretStorage) so the token can be renewed
 * silently before it expires; the OS keyring protects both equally, and asking again every 24 h is worse.
 */
export interface PasswordCredentials {
  kind: 'password';
  region: string;
  userName: string;
  domainName: string;
  password: string;
  token: IamToken;
}

export interface AkSkCredentials {
  kind: 'aksk';
  region: string;
  ak: string;
  sk: string;
  securityToken?: string;
  /** IAM project id of the region (X-Project-Id). */
  projectId: string;
  /** Account (tenant / domain) id. */
  domainId: string;
}

export type StoredCredentials = PasswordCredentials | AkSkCredentials;

const SECRET_KEY = CREDENTIALS_SECRET_KEY;
const SESSION_KEY = SESSION_STATE_KEY;
const CODEARTS_PROJECT_KEY = CODEARTS_PROJECT_STATE_KEY;

/** Only these go to SecretStorage; every field of them is a secret (masked in logs, forgotten on sign-out). */
type SecretPart = { password: string; token: string } | { ak: string; sk: string; securityToken?: string };
const secretFields: SecretsOf<SecretPart> = (s) => ('password' in s ? [s.password, s.token] : [s.ak, s.sk, s.securityToken]);
type PublicPart = Omit<PasswordCredentials, 'password' | 'token'> & { token: Omit<IamToken, 'token'> } | Omit<AkSkCredentials, 'ak' | 'sk' | 'securityToken'>;

/** Secrets (password, token, AK/SK) in SecretStorage; ids, names and the region in globalState. */
export class CredentialStore {
  private readonly secrets: Secrets;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.secrets = new Secrets(context.secrets);
  }

  async load(): Promise<StoredCredentials | undefined> {
    const pub = this.context.globalState.get<PublicPart>(SESSION_KEY);
    if (!pub) return undefined;
    const secret = await this.secrets.get(SECRET_KEY, secretFields);
    if (pub.kind === 'password' && secret && 'password' in secret) {
      return { ...pub, password: secret.password, token: { ...pub.token, token: secret.token } };
    }
    if (pub.kind === 'aksk' && secret && 'sk' in secret) return { ...pub, ak: secret.ak, sk: secret.sk, securityToken: secret.securityToken };
    return undefined;
  }

  /** The public part first: the secret's change event is what other windows reload on. */
  async save(credentials: StoredCredentials): Promise<void> {
    if (credentials.kind === 'password') {
      const { password, token, ...rest } = credentials;
      const { token: tokenValue, ...tokenInfo } = token;
      await this.context.globalState.update(SESSION_KEY, { ...rest, token: tokenInfo } satisfies PublicPart);
      await this.secrets.set(SECRET_KEY, { password, token: tokenValue } satisfies SecretPart, secretFields);
    } else {
      const { ak, sk, securityToken, ...rest } = credentials;
      await this.context.globalState.update(SESSION_KEY, rest satisfies PublicPart);
      await this.secrets.set(SECRET_KEY, { ak, sk, securityToken } satisfies SecretPart, secretFields);
    }
  }

  async clear(): Promise<void> {
    await this.secrets.delete(SECRET_KEY);
    await this.context.globalState.update(SESSION_KEY, undefined);
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
