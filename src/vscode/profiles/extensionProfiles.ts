import { originOf } from '../../core/endpointRule';
import { AccessError, msg } from '../../core/errors';
import { crypto } from '../../core/lazyNode';
import type * as vscode from 'vscode';
import type { ProfileInfo, ProfileSource } from '../../core/profiles/profile';
import { type Secrets, type SecretsOf, wholeValue } from '../shared/secrets';
import { EXTENSION_PROFILES_KEY } from './keys';

/** What globalState keeps of a profile added in VS Code: everything but the token. */
export interface StoredProfile {
  name: string;
  endpoint: string;
  project: string;
}

/**
 * Profiles added in VS Code: metadata in globalState, the token in SecretStorage.
 * Tokens set for cocli or env profiles ("Set Token for Profile…") are overrides kept in SecretStorage as well;
 * they take precedence over the token in the cocli file, which the extension never writes. An override remembers
 * (as a hash) the token it replaced: once cocli writes a new token (`cocli login set -t`), the file wins again.
 */
export class ExtensionProfiles {
  constructor(
    private readonly state: vscode.Memento,
    private readonly secrets: Secrets,
  ) {}

  list(): ProfileInfo[] {
    const stored = this.state.get<StoredProfile[]>(EXTENSION_PROFILES_KEY) ?? [];
    return stored.map((p) => ({ name: p.name, endpoint: p.endpoint, project: p.project, source: 'extension' }));
  }

  async add(profile: StoredProfile, token: string): Promise<void> {
    // Token first: a failing keyring must not leave a profile without its token.
    await this.secrets.set(tokenKey('extension', profile.name), token, wholeValue);
    const others = this.list().filter((p) => p.name !== profile.name);
    const entry: StoredProfile = { name: profile.name, endpoint: profile.endpoint, project: profile.project };
    await this.state.update(EXTENSION_PROFILES_KEY, [...others.map(toStored), entry]);
  }

  async remove(name: string): Promise<void> {
    await this.state.update(
      EXTENSION_PROFILES_KEY,
      this.list()
        .filter((p) => p.name !== name)
        .map(toStored),
    );
    await this.secrets.delete(tokenKey('extension', name));
  }

  /**
   * The extension profile's token, or the override for a cocli/env profile whose own token is `sourceToken`. An override
   * is bound to the origin of the endpoint it was set for: when the profile points elsewhere now, OverrideMovedError
   * (the token is not sent to a host it was not given for). One kept before origins were recorded is bound now.
   */
  async token(source: ProfileSource, name: string, sourceToken: string | undefined, endpoint: string): Promise<string | undefined> {
    if (source === 'extension') return this.secrets.get(tokenKey(source, name), wholeValue);
    const override = await this.secrets.get(tokenKey(source, name), overrideSecrets);
    if (!override || typeof override.token !== 'string') return undefined;
    if (override.replaces !== hash(sourceToken ?? '')) return undefined;
    const origin = overrideOrigin(endpoint);
    if (override.origin === undefined) {
      await this.secrets.set(tokenKey(source, name), { ...override, origin }, overrideSecrets);
      return override.token;
    }
    if (override.origin !== origin) throw new OverrideMovedError(name, override.origin, origin);
    return override.token;
  }

  /** Forgets the token kept in VS Code: an extension profile's own, or the override of a cocli/env profile. */
  deleteToken(source: ProfileSource, name: string): Promise<void> {
    return this.secrets.delete(tokenKey(source, name));
  }

  setToken(source: ProfileSource, name: string, token: string, sourceToken: string | undefined, endpoint: string): Promise<void> {
    if (source === 'extension') return this.secrets.set(tokenKey(source, name), token, wholeValue);
    const override: Override = { token, replaces: hash(sourceToken ?? ''), origin: overrideOrigin(endpoint) };
    return this.secrets.set(tokenKey(source, name), override, overrideSecrets);
  }
}

interface Override {
  token: string;
  /** sha256 of the file or env token this override replaced. */
  replaces: string;
  /** Origin of the profile's endpoint when the override was set; absent in overrides kept by earlier versions. */
  origin?: string;
}

/** An endpoint that is no URL has no origin any override could match. */
function overrideOrigin(endpoint: string): string {
  try {
    return originOf(endpoint);
  } catch {
    return `invalid:${endpoint}`;
  }
}

/** A Set Token override kept for another endpoint than the profile's now. */
export class OverrideMovedError extends AccessError {
  constructor(name: string, setFor: string, now: string) {
    super(
      msg(
        'The token set in VS Code for the profile "{0}" was set for {1}, but the profile now points to {2}. It is not sent to a different host: set the token again for the new endpoint, or sign out of the profile to use the token in the cocli config.',
        name,
        setFor,
        now,
      ),
      ['setToken'],
    );
  }
}

/** The hash it replaces is not a secret. */
const overrideSecrets: SecretsOf<Override> = (o) => [typeof o?.token === 'string' ? o.token : undefined];

function hash(token: string): string {
  return crypto().createHash('sha256').update(token, 'utf8').digest('hex');
}

function toStored(p: ProfileInfo): StoredProfile {
  return { name: p.name, endpoint: p.endpoint, project: p.project };
}

/** Extension profiles keep `profile.<name>.token`; overrides for cocli/env profiles are namespaced by source. */
function tokenKey(source: ProfileSource, name: string): string {
  return source === 'extension' ? `profile.${name}.token` : `override.${source}.${name}.token`;
}
