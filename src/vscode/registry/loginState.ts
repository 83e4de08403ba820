import * as vscode from 'vscode';
import { LAST_LOGIN_STATE_KEY, REGISTRY_LOGGED_IN_CONTEXT_KEY, REGISTRY_STATUS_BAR_ID } from './keys';

export interface RegistryLogin {
  host: string;
  username: string;
  client: string;
  /** Epoch milliseconds. */
  at: number;
}

const STATE_KEY = LAST_LOGIN_STATE_KEY;

/**
 * The registry this extension last logged in to, shown as `$(package) host` in the status bar.
 * Kept in globalState (no secret in it) so it survives a reload; docker keeps the login itself.
 */
export class LoginState implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(REGISTRY_STATUS_BAR_ID, vscode.StatusBarAlignment.Left, 40);

  constructor(private readonly memento: vscode.Memento) {
    this.item.name = vscode.l10n.t('coScene Container Registry');
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

  statusBar(): { visible: boolean; text: string; tooltip: string } {
    const login = this.current();
    return { visible: login !== undefined, text: this.item.text, tooltip: typeof this.item.tooltip === 'string' ? this.item.tooltip : '' };
  }

  dispose(): void {
    this.item.dispose();
  }

  private render(): void {
    const login = this.current();
    // The Get Started walkthrough's last step completes on it.
    void vscode.commands.executeCommand('setContext', REGISTRY_LOGGED_IN_CONTEXT_KEY, login !== undefined);
    if (!login) {
      this.item.hide();
      return;
    }
    this.item.text = `$(package) ${login.host}`;
    this.item.tooltip = vscode.l10n.t('Logged in to container registry {0} as {1} ({2})', login.host, login.username, login.client);
    this.item.show();
  }
}
