import * as vscode from 'vscode';
import type { ProfileInfo, ProfileSource } from '../../core/profiles/profile';
import type { ConfigError } from '../../core/profiles/configError';
import { localize } from '../shared/errors';

export interface StatusState {
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

/** `$(account) name · org-slug`; click to switch. Warning background once the server rejected the token. */
export function renderStatusBar(item: vscode.StatusBarItem, state: StatusState): void {
  const { profile } = state;
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: ['coscene.profile.setToken', 'coscene.profile.openConfig', 'coscene.profile.add'] };
  const line = (text: string) => {
    md.appendText(text);
    md.appendMarkdown('  \n');
  };
  if (profile) {
    item.text = profile.org ? `$(account) ${profile.name} · ${profile.org}` : `$(account) ${profile.name}`;
    item.command = 'coscene.profile.switch';
    line(vscode.l10n.t('coScene profile: {0}', profile.name));
    line(vscode.l10n.t('Endpoint: {0}', profile.endpoint));
    line(vscode.l10n.t('Project: {0}', profile.project));
    if (profile.org) line(vscode.l10n.t('Organization: {0}', profile.org));
    line(vscode.l10n.t('Source: {0}', sourceLabel(profile.source, state.configPath)));
    if (state.tokenRejected) {
      md.appendMarkdown('\n\n$(warning) ');
      md.appendText(vscode.l10n.t("The server rejected this profile's token."));
      md.appendMarkdown(` [${vscode.l10n.t('Set Token…')}](command:coscene.profile.setToken)`);
    }
    md.appendMarkdown('\n\n');
    md.appendText(vscode.l10n.t('Click to switch profiles.'));
  } else {
    item.text = '$(account) coScene';
    item.command = state.configError ? 'coscene.profile.openConfig' : 'coscene.profile.add';
    line(vscode.l10n.t('No coScene profile. Click to add one.'));
  }
  if (state.configError) {
    md.appendMarkdown('\n\n$(error) ');
    md.appendText(localize(state.configError.userMessage));
    md.appendMarkdown(` [${vscode.l10n.t('Open Config')}](command:coscene.profile.openConfig)`);
  }
  item.tooltip = md;
  const warn = (profile && state.tokenRejected) || (!profile && state.configError);
  item.backgroundColor = warn ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  item.show();
}
