import * as vscode from 'vscode';
import {
  diffSessions,
  isEmptyChange,
  profileOfSession,
  profileSessions,
  servesScopes,
  SESSION_SCOPES,
  SessionLabels,
  type ProfileSession,
} from '../../core/profiles/accounts';
import { reportError } from '../shared/errors';
import { addProfile } from './commands/addProfile';
import { setTokenOf } from './commands/setToken';
import type { ProfilesContext } from './context';
import { AUTH_PROVIDER_ID } from './keys';
import type { ProfileService } from './profileService';
import { shortSourceLabel } from './sourceLabels';

export const AUTH_PROVIDER_LABEL = 'coScene';

/**
 * The Accounts menu: each profile with a token is an account (core/profiles/accounts.ts), Sign Out forgets the
 * token VS Code keeps for it. The provider holds no state of its own beyond the last listing, kept to tell VS Code
 * what changed. Tokens leave only through VS Code, which asks the user before handing one to another extension.
 */
export class CosceneAuthProvider implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private known: ProfileSession[] = [];
  private readonly labels = new SessionLabels();
  private queue: Promise<unknown> = Promise.resolve();
  private pending?: Promise<ProfileSession[]>;
  private signInRequested = false;

  constructor(private readonly ctx: ProfilesContext) {
    this.subscription = ctx.profiles.onDidChangeProfiles(() => void this.refresh().catch(() => undefined));
    void this.refresh().catch(() => undefined);
  }

  private get profiles(): ProfileService {
    return this.ctx.profiles;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  /** A request for scopes other than "openapi" gets no session: a coScene token has no finer scopes. */
  async getSessions(scopes: readonly string[] | undefined): Promise<vscode.AuthenticationSession[]> {
    if (!servesScopes(scopes)) return [];
    return this.refresh();
  }

  async createSession(scopes: readonly string[]): Promise<vscode.AuthenticationSession> {
    if (!servesScopes(scopes))
      throw new Error(vscode.l10n.t('A coScene token has no scope but "openapi"; ask for a session without scopes.'));
    const before = new Set((await this.refresh()).map((s) => s.id));
    await this.signIn();
    const session = (await this.refresh()).find((s) => !before.has(s.id));
    if (!session) throw new Error(vscode.l10n.t('Signing in to coScene was cancelled.'));
    return session;
  }

  async removeSession(sessionId: string): Promise<void> {
    try {
      const profile = profileOfSession(this.profiles.list(), sessionId);
      if (!profile) return;
      await this.profiles.signOut(profile.source, profile.name);
      await this.refresh(); // VS Code hears that the session went before the notification says so
      this.ctx.log.info(`Signed out of coScene profile "${profile.name}" (${profile.source}).`);
      if (profile.source === 'extension') {
        void this.ctx.ui.showInformationMessage(
          vscode.l10n.t(
            'Signed out of the coScene profile "{0}": its token is removed from VS Code. The profile stays; Set Token signs in again.',
            profile.name,
          ),
        );
      } else if (profile.source === 'cocli') {
        void this.ctx.ui.showInformationMessage(
          vscode.l10n.t(
            'The profile "{0}" stays signed in with the token in {1}, which cocli manages. To sign out there, run "cocli login delete {0}".',
            profile.name,
            this.profiles.configPath(),
          ),
        );
      } else if (profile.source === 'env') {
        void this.ctx.ui.showInformationMessage(
          vscode.l10n.t(
            'The profile "{0}" comes from the COS_* environment variables and stays signed in while COS_TOKEN is set.',
            profile.name,
          ),
        );
      }
    } catch (err) {
      reportError(this.ctx, 'Signing out of coScene failed', err);
    }
  }

  /** Lists the sessions and tells VS Code what changed since the last listing; one listing at a time. */
  private refresh(): Promise<ProfileSession[]> {
    if (this.pending) return this.pending; // queued and not started: it will see this change too
    const run = this.queue.then(async () => {
      this.pending = undefined;
      const sessions = profileSessions(await this.profiles.withTokens(), this.labels);
      const change = diffSessions(this.known, sessions);
      this.known = sessions;
      if (!isEmptyChange(change)) this.changed.fire(change);
      this.offerSignInWhenEmpty(sessions);
      return sessions;
    });
    this.pending = run;
    this.queue = run.catch((err) => this.ctx.log.error('Listing the coScene accounts failed', err));
    return run;
  }

  /**
   * Without any account, asks VS Code for one without prompting: the Accounts menu then shows "Sign in with coScene to
   * use coScene Access", which runs createSession. Asked again only after an account has come and gone.
   */
  private offerSignInWhenEmpty(sessions: readonly ProfileSession[]): void {
    if (sessions.length) {
      this.signInRequested = false;
      return;
    }
    if (this.signInRequested) return;
    this.signInRequested = true;
    Promise.resolve(vscode.authentication.getSession(AUTH_PROVIDER_ID, SESSION_SCOPES, {})).catch((err: unknown) =>
      this.ctx.log.debug(`Offering the coScene sign-in failed: ${err instanceof Error ? err.message : String(err)}`),
    );
  }

  /**
   * Set Token for a profile without one (signed out before), or Add Profile. A failure is reported like a command's
   * (createSession then rejects: no new session).
   */
  private async signIn(): Promise<void> {
    try {
      await this.askAndSignIn();
    } catch (err) {
      reportError(this.ctx, 'Signing in to coScene failed', err);
    }
  }

  private async askAndSignIn(): Promise<void> {
    const tokenless = (await this.profiles.withTokens()).filter((p) => !p.token);
    if (!tokenless.length) {
      await addProfile(this.ctx);
      return;
    }
    type Item = vscode.QuickPickItem & { profile?: (typeof tokenless)[number] };
    const items: Item[] = tokenless.map((p) => ({
      label: p.name,
      description: shortSourceLabel(p.source),
      detail: `${p.endpoint} · ${p.project}`,
      profile: p,
    }));
    const add: Item = { label: `$(add) ${vscode.l10n.t('Add Profile…')}`, alwaysShow: true };
    const picked = await this.ctx.ui.showQuickPick([...items, { label: '', kind: vscode.QuickPickItemKind.Separator }, add], {
      title: vscode.l10n.t('Sign In to coScene'),
      placeHolder: vscode.l10n.t('Select a profile to set its token, or add a profile'),
      ignoreFocusOut: true,
    });
    if (picked === add) await addProfile(this.ctx);
    else if (picked?.profile) await setTokenOf(this.ctx, picked.profile);
  }
}
