import * as vscode from 'vscode';
import { AccessError } from '../../core/errors';
import { keyringUnavailable } from '../../core/keyring';
import { forgetSecret, registerSecret } from '../../core/redact';

/** The values of a stored item that are secrets (masked in logs); ids, names, hashes and dates are not. */
export type SecretsOf<T> = (value: T) => readonly (string | undefined)[];

/** A value that is a secret as a whole (a token string). */
export const wholeValue: SecretsOf<string> = (value) => [value];

/**
 * SecretStorage with versioned keys. Values are JSON so a key's shape can change with its version.
 * A failing keyring (common on Linux without a secret service) becomes an AccessError that says what to do;
 * there is never a plain-text fallback.
 *
 * Only the secret fields of what is stored are registered for redaction (short values are masked as whole words,
 * so a 3-character project slug or region would make logs unreadable). A secret that is replaced or deleted is
 * forgotten, unless another stored item (or holder, see holdSecrets) still holds it.
 */
const PREFIX = 'coscene.v1.';

export class Secrets {
  constructor(private readonly storage: vscode.SecretStorage) {}

  /** Fires with the unprefixed key when a secret changes (also from another window). */
  onDidChange(listener: (key: string) => void): vscode.Disposable {
    return this.storage.onDidChange((e) => {
      if (e.key.startsWith(PREFIX)) listener(e.key.slice(PREFIX.length));
    });
  }

  async get<T>(key: string, secretsOf: SecretsOf<T>): Promise<T | undefined> {
    let raw: string | undefined;
    try {
      raw = await this.storage.get(PREFIX + key);
    } catch (err) {
      throw keyringError(err);
    }
    if (raw === undefined) {
      holdSecrets(PREFIX + key, []); // deleted in another window
      return undefined;
    }
    try {
      const value = JSON.parse(raw) as T;
      holdSecrets(PREFIX + key, secretsIn(value, secretsOf));
      return value;
    } catch {
      return undefined; // unreadable old value: treat as absent, the user is asked again
    }
  }

  async set<T>(key: string, value: T, secretsOf: SecretsOf<T>): Promise<void> {
    // Registered before the keyring is tried: the value must be masked even when storing it fails.
    const secrets = secretsIn(value, secretsOf);
    for (const secret of secrets) registerSecret(secret);
    try {
      await this.storage.store(PREFIX + key, JSON.stringify(value));
    } catch (err) {
      throw keyringError(err);
    }
    holdSecrets(PREFIX + key, secrets);
  }

  async delete(key: string): Promise<void> {
    try {
      await this.storage.delete(PREFIX + key);
    } catch (err) {
      throw keyringError(err);
    }
    holdSecrets(PREFIX + key, []);
  }
}

function secretsIn<T>(value: T, secretsOf: SecretsOf<T>): string[] {
  return secretsOf(value).filter((s): s is string => typeof s === 'string' && s !== '');
}

/** holder → the secrets it holds; a secret is registered while at least one holder holds it. */
const held = new Map<string, readonly string[]>();

/**
 * Declares every secret `holder` holds now (replacing what it held before): new ones are registered for
 * redaction, the ones it no longer holds are forgotten unless another holder still holds them.
 */
export function holdSecrets(holder: string, values: readonly string[]): void {
  const secrets = values.filter((s) => s !== '');
  const before = held.get(holder) ?? [];
  if (secrets.length) held.set(holder, secrets);
  else held.delete(holder);
  for (const secret of secrets) registerSecret(secret);
  const now = new Set([...held.values()].flat());
  for (const secret of before) if (!now.has(secret)) forgetSecret(secret);
}

function keyringError(err: unknown): AccessError {
  return new AccessError(keyringUnavailable(), ['showLogs'], err instanceof Error ? err.message : String(err), { cause: err });
}
