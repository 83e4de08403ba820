import type { ProfileInfo, ProfileSource } from './profile';
import { profileKey } from './selection';

/** Shaped like vscode.AuthenticationSession: what the Accounts menu lists and a consenting extension receives. */
export interface ProfileSession {
  readonly id: string;
  readonly accessToken: string;
  readonly account: { readonly id: string; readonly label: string };
  readonly scopes: readonly string[];
}

export interface ProfileWithToken extends ProfileInfo {
  /** Undefined when the profile has no token (signed out, or never set): it is then no account. */
  readonly token?: string;
  readonly active?: boolean;
}

/**
 * The one scope a session carries: a coScene token grants the whole access of its user (the OpenAPI), there are no
 * finer scopes. Not empty on purpose: VS Code drops a pending "Sign in with…" request once a session with the
 * requested scopes is added, and never matches an empty list (its key "" splits into [""]).
 */
export const SESSION_SCOPES: readonly string[] = ['openapi'];

/** Whether a session of ours serves a request for `requested` scopes (none, or only ours). */
export function servesScopes(requested: readonly string[] | undefined): boolean {
  return (requested ?? []).every((scope) => SESSION_SCOPES.includes(scope));
}

/** Not localized: VS Code remembers which extensions may use an account by its label, so labels must not move. */
const SOURCE_WORD: Record<ProfileSource, string> = { cocli: 'cocli', env: 'COS_*', extension: 'VS Code' };

/**
 * One account per profile with a token, the active profile first. The id is the profile key (source and name),
 * stable across restarts. The label is the name, with the organization when the profile itself names it (the slug
 * fetched later is left out: a label that changed after a fetch would lose the extensions' consent); names shared
 * by several sources get the source added.
 */
export function profileSessions(profiles: readonly ProfileWithToken[], labels = new SessionLabels()): ProfileSession[] {
  const withToken = profiles.filter((p) => typeof p.token === 'string' && p.token !== '');
  const ordered = [...withToken.filter((p) => p.active), ...withToken.filter((p) => !p.active)];
  const base = (p: ProfileInfo) => oneLine(p.org ? `${p.name} · ${p.org}` : p.name);
  const count = new Map<string, number>();
  for (const p of ordered) count.set(base(p), (count.get(base(p)) ?? 0) + 1);
  const taken = new Set<string>();
  return ordered.map((p) => {
    const id = profileKey(p.source, p.name);
    const wanted = count.get(base(p))! > 1 ? `${base(p)} (${SOURCE_WORD[p.source]})` : base(p);
    const label = labels.claim(id, wanted, taken);
    taken.add(label);
    return { id, accessToken: p.token!, account: { id, label }, scopes: SESSION_SCOPES };
  });
}

/**
 * VS Code grants another extension an account by its label. So no two sessions share a label (a VS Code profile named
 * "demo (cocli)" beside cocli's "demo" and another "demo"), and a label once held by one session id is never given to
 * another in the same window (removing a profile would otherwise hand its label, and the consent with it, to
 * another profile's token, possibly for another endpoint). The record lives as long as the provider.
 */
export class SessionLabels {
  private readonly owners = new Map<string, string>();

  /** `wanted`, or `wanted #2`, `#3`… : the first that no other id ever held and no session of this listing took. */
  claim(id: string, wanted: string, taken: ReadonlySet<string>): string {
    let label = wanted;
    for (let n = 2; taken.has(label) || (this.owners.get(label) ?? id) !== id; n++) label = `${wanted} #${n}`;
    this.owners.set(label, id);
    return label;
  }
}

/** The profile a session id names, if it still exists. */
export function profileOfSession<P extends ProfileInfo>(profiles: readonly P[], sessionId: string): P | undefined {
  return profiles.find((p) => profileKey(p.source, p.name) === sessionId);
}

export interface SessionsChange {
  added: ProfileSession[];
  removed: ProfileSession[];
  changed: ProfileSession[];
}

/** What onDidChangeSessions reports between two listings; a session whose token or label changed is `changed`. */
export function diffSessions(before: readonly ProfileSession[], after: readonly ProfileSession[]): SessionsChange {
  const old = new Map(before.map((s) => [s.id, s]));
  const now = new Map(after.map((s) => [s.id, s]));
  return {
    added: after.filter((s) => !old.has(s.id)),
    removed: before.filter((s) => !now.has(s.id)),
    changed: after.filter((s) => {
      const o = old.get(s.id);
      return o !== undefined && (o.accessToken !== s.accessToken || o.account.label !== s.account.label);
    }),
  };
}

export function isEmptyChange(change: SessionsChange): boolean {
  return !change.added.length && !change.removed.length && !change.changed.length;
}

/** Labels are menu text: control characters (from a hand-edited cocli file) are dropped, whitespace collapsed. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const controls = /[\u0000-\u001f\u007f-\u009f]/g;
  return text.replace(controls, ' ').replace(/\s+/g, ' ').trim();
}
