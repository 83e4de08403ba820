import * as vscode from 'vscode';
import { AccessError } from '../../core/errors';
import { keyringUnavailable } from '../../core/keyring';
import { registerSecret } from '../../core/redact';

/**
 * SecretStorage with versioned keys. Values are JSON so a key's shape can change with its version.
 * A failing keyring (common on Linux without a secret service) becomes an AccessError that says what to do;
 * there is never a plain-text fallback.
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

  async get<T>(key: string): Promise<T | undefined> {
    let raw: string | undefined;
    try {
      raw = await this.storage.get(PREFIX + key);
    } catch (err) {
      throw keyringError(err);
    }
    if (raw === undefined) return undefined;
    try {
      const value = JSON.parse(raw) as T;
      registerSecretsIn(value);
      return value;
    } catch {
      return undefined; // unreadable old value: treat as absent, the user is asked again
    }
  }

  async set(key: string, value: unknown): Promise<void> {
    registerSecretsIn(value);
    try {
      await this.storage.store(PREFIX + key, JSON.stringify(value));
    } catch (err) {
      throw keyringError(err);
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await this.storage.delete(PREFIX + key);
    } catch (err) {
      throw keyringError(err);
    }
  }
}

/** Every string in a stored secret is registered for redaction. */
function registerSecretsIn(value: unknown): void {
  if (typeof value === 'string') registerSecret(value);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) registerSecretsIn(v);
}

function keyringError(err: unknown): AccessError {
  return new AccessError(
    keyringUnavailable(),
    ['showLogs'],
    err instanceof Error ? err.message : String(err),
    { cause: err },
  );
}
