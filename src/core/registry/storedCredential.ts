import type { BasicCredential } from '../coscene/model';

/** The last temporary credential, kept in SecretStorage so a later login within its lifetime reuses it. */
export interface StoredCredential extends BasicCredential {
  host: string;
  /** Profile name and endpoint it was created for: the credential is scoped by that profile's token. */
  profile: string;
  endpoint: string;
  /** Epoch milliseconds. */
  createdAt: number;
}

export interface ReuseQuery {
  host: string;
  profile: string;
  endpoint: string;
  lifetimeMinutes: number;
  now: number;
}

export function isReusable(stored: StoredCredential | undefined, q: ReuseQuery): stored is StoredCredential {
  if (!stored || q.lifetimeMinutes <= 0) return false;
  if (stored.host !== q.host || stored.profile !== q.profile || stored.endpoint !== q.endpoint) return false;
  const age = q.now - stored.createdAt;
  return age >= 0 && age < q.lifetimeMinutes * 60_000;
}
