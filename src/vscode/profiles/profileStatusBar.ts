import * as vscode from 'vscode';
import type { ProfileInfo, ProfileSource } from '../../core/profiles/profile';
import type { ConfigError } from '../../core/profiles/configError';
import { localize } from '../shared/errors';
import { ADD_PROFILE, OPEN_CONFIG, PROFILE_STATUS_BAR, SET_TOKEN, SWITCH_PROFILE } from './keys';
import type { ProfileService } from './profileService';

/**
 * The status bar item: the active profile (`$(cloud) coScene: name · org`, click to switch), drawn again whenever the
 * service says what it shows may have changed.
 */
export class ProfileStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem(PROFILE_STATUS_BAR, vscode.StatusBarAlignment.Left, 50);
  private readonly subscription: vscode.Disposable;
  private disposed = false;

  constructor(private readonly profiles: ProfileService) {
    this.item.name = vscode.l10n.t('coScene Profile');
    this.subscription = profiles.onDidChangeStatus(() => this.render());
    void profiles.ready.then(() => this.render()); // shown once the profiles are read, not before
  }

  dispose(): void {
    this.disposed = true;
    this.subscription.dispose();
    this.item.dispose();
  }

  private render(): void {
    if (this.disposed) return;
    renderStatusBar(this.item, {
      profile: this.profiles.current(),
      tokenRejected: this.profiles.isTokenRejected(),
      configError: this.profiles.configError(),
      configPath: this.profiles.configPath(),
    });
  }
}

/** The status item's codicon. */
const STATUS_ICON = '$(cloud)';

interface StatusState {
  profile?: ProfileInfo;
  tokenRejected: boolean;
  configError?: ConfigError;
  configPath: string;
}

export function sourceLabel(source: ProfileSource, configPath: string): string {
  switch (source) {
    case 'cocli':
      return vscode.l10n.t('cocli config ({0})', configPath);
    case 'env':
      return vscode.l10n.t('COS_* environment variables');
    case 'extension':
      return vscode.l10n.t('added in VS Code');
  }
}

/**
 * The product's icon and name, then the profile: `$(cloud) coScene: name · org-slug` (not `$(account)`, the Accounts
 * menu's); click to switch. Warning background once the server rejected the token.
 */
function renderStatusBar(item: vscode.StatusBarItem, state: StatusState): void {
  const { profile } = state;
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: [SET_TOKEN, OPEN_CONFIG, ADD_PROFILE] };
  const line = (text: string) => {
    md.appendText(text);
    md.appendMarkdown('  \n');
  };
  if (profile) {
    item.text = `${STATUS_ICON} coScene: ${profile.org ? `${profile.name} · ${profile.org}` : profile.name}`;
    item.command = SWITCH_PROFILE;
    line(vscode.l10n.t('coScene profile: {0}', profile.name));
    line(vscode.l10n.t('Endpoint: {0}', profile.endpoint));
    line(vscode.l10n.t('Project: {0}', profile.project));
    if (profile.org) line(vscode.l10n.t('Organization: {0}', profile.org));
    line(vscode.l10n.t('Source: {0}', sourceLabel(profile.source, state.configPath)));
    if (state.tokenRejected) {
      md.appendMarkdown('\n\n$(warning) ');
      md.appendText(vscode.l10n.t("The server rejected this profile's token."));
      md.appendMarkdown(` [${vscode.l10n.t('Set Token…')}](command:${SET_TOKEN})`);
    }
    md.appendMarkdown('\n\n');
    md.appendText(vscode.l10n.t('Click to switch profiles.'));
  } else {
    item.text = `${STATUS_ICON} coScene`;
    item.command = state.configError ? OPEN_CONFIG : ADD_PROFILE;
    line(vscode.l10n.t('No coScene profile. Click to add one.'));
  }
  if (state.configError) {
    md.appendMarkdown('\n\n$(error) ');
    md.appendText(localize(state.configError.userMessage));
    md.appendMarkdown(` [${vscode.l10n.t('Open Config')}](command:${OPEN_CONFIG})`);
  }
  item.tooltip = md;
  const warn = (profile && state.tokenRejected) || (!profile && state.configError);
  item.backgroundColor = warn ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  item.show();
}
