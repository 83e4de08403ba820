import * as os from 'node:os';
import * as vscode from 'vscode';
import { hasStoredLogin, loginAge } from '../../core/registry/loginStore';
import { localize } from '../shared/errors';
import { LAST_LOGIN_STATE_KEY, REGISTRY_LOGGED_IN_CONTEXT_KEY, REGISTRY_SHOW_ACTIONS, REGISTRY_STATUS_BAR_ID } from './keys';

export interface RegistryLogin {
  host: string;
  username: string;
  client: string;
  /** Epoch milliseconds. */
  at: number;
}

const STATE_KEY = LAST_LOGIN_STATE_KEY;
/** The tooltip's "Logged in 5 minutes ago" is redrawn this often. */
const AGE_REFRESH_MS = 60_000;

/**
 * The registry this extension last logged in to, shown as `$(package) host` in the status bar; a click offers Log Out,
 * Log In Again and Show Terminal. Kept in globalState (no secret in it) so it survives a reload; docker keeps the login
 * itself, so after a reload (`verify`) it is shown only while the client's login store still holds it.
 */
export class LoginState implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(REGISTRY_STATUS_BAR_ID, vscode.StatusBarAlignment.Left, 40);
  private readonly timer: ReturnType<typeof setInterval>;
  /** The context key's value as last set. */
  private published: boolean | undefined;

  constructor(private readonly memento: vscode.Memento) {
    this.item.name = vscode.l10n.t('coScene Container Registry');
    this.item.command = REGISTRY_SHOW_ACTIONS;
    this.timer = setInterval(() => this.render(), AGE_REFRESH_MS);
    this.timer.unref?.();
    this.render();
  }

  current(): RegistryLogin | undefined {
    return this.memento.get<RegistryLogin>(STATE_KEY);
  }

  async loggedIn(login: RegistryLogin): Promise<void> {
    await this.memento.update(STATE_KEY, login);
    this.render();
  }

  async loggedOut(host: string): Promise<void> {
    if (this.current()?.host === host) await this.memento.update(STATE_KEY, undefined);
    this.render();
  }

  /**
   * Forgets the remembered login when the client's login store (docker's config.json, podman's auth.json) no longer
   * holds it: logged out in a shell, or the config removed, while this window was closed. Returns whether it is kept.
   */
  async verify(where = { env: process.env, home: os.homedir() }): Promise<boolean> {
    const login = this.current();
    if (!login) return false;
    if (await hasStoredLogin(login.host, login.client, where)) return true;
    // Only the login that was checked: a login made meanwhile stays.
    if (this.current()?.at === login.at) await this.memento.update(STATE_KEY, undefined);
    this.render();
    return this.current() !== undefined;
  }

  statusBar(): { visible: boolean; text: string; tooltip: string; command?: string } {
    const login = this.current();
    const command = typeof this.item.command === 'string' ? this.item.command : this.item.command?.command;
    return {
      visible: login !== undefined,
      text: this.item.text,
      tooltip: typeof this.item.tooltip === 'string' ? this.item.tooltip : '',
      command,
    };
  }

  dispose(): void {
    clearInterval(this.timer);
    this.item.dispose();
  }

  private render(): void {
    const login = this.current();
    // The Get Started walkthrough's last step completes on it (set when it changes, not on every minute's redraw).
    if (this.published !== (login !== undefined)) {
      this.published = login !== undefined;
      void vscode.commands.executeCommand('setContext', REGISTRY_LOGGED_IN_CONTEXT_KEY, this.published);
    }
    if (!login) {
      this.item.hide();
      return;
    }
    this.item.text = `$(package) ${login.host}`;
    this.item.tooltip = [
      vscode.l10n.t('Logged in to container registry {0} as {1} ({2})', login.host, login.username, login.client),
      localize(loginAge(login.at, Date.now())),
      vscode.l10n.t('Click for Log Out, Log In Again or Show Terminal.'),
    ].join('\n');
    this.item.show();
  }
}
