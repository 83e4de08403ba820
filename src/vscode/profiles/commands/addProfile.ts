import * as vscode from 'vscode';
import { AccessError, msg, type Msg } from '../../../core/errors';
import { checkEndpoint, normalizeEndpoint } from '../../../core/profiles/endpoint';
import { escapeNotificationLinks, stripControls } from '../../../core/text/serverText';
import type { Command } from '../../shared/commands';
import { localize } from '../../shared/errors';
import { inputStep, runWizard } from '../../shared/wizard';
import type { ProfilesContext } from '../context';
import type { ProfileService } from '../profileService';
import { checkToken, type TokenOwner } from '../tokenCheck';

interface NewProfile {
  name: string;
  endpoint: string;
  project: string;
  token: string;
}

const DEFAULT_ENDPOINT = 'https://openapi.coscene.cn';

/**
 * "coScene: Add Profile…": asks for the name, endpoint, project and token in one step-by-step flow (Back keeps what
 * was typed); the token is checked with the server (users/current) before anything is saved, a refused token stays
 * in its step with the reason. The new profile becomes the active one, and a notification says who it signs in as.
 */
export const addProfile: Command<ProfilesContext> = async (ctx) => {
  await ctx.profiles.ready;
  let owner: TokenOwner | undefined;
  const input = await askForProfile(ctx, (o) => (owner = o));
  if (!input) return;
  // Checked again: another window may have added the name while the questions were open.
  const problem = validate(ctx.profiles, input);
  if (problem) throw new AccessError(problem, ['addProfile']);
  const name = input.name.trim();
  await ctx.profiles.addProfile({ name, endpoint: normalizeEndpoint(input.endpoint), project: input.project.trim() }, input.token.trim());
  ctx.log.info(`Added coScene profile "${name}".`);
  if (owner) void ctx.ui.showInformationMessage(signedInMessage(name, owner));
};

/** "Added the profile "demo": signed in as Alice to Acme Robotics." (server text made inert and bounded). */
function signedInMessage(profile: string, { user, org }: TokenOwner): string {
  const who = serverName(user.nickname || user.email || user.name);
  return org
    ? vscode.l10n.t('Added the profile "{0}": signed in as {1} to {2}.', profile, who, serverName(org.displayName || org.slug))
    : vscode.l10n.t('Added the profile "{0}": signed in as {1}.', profile, who);
}

function serverName(text: string): string {
  const clean = stripControls(text).replace(/\s+/g, ' ').trim();
  return escapeNotificationLinks(clean.length > 80 ? `${clean.slice(0, 79)}…` : clean);
}

function nameProblem(profiles: ProfileService, name: string): Msg | undefined {
  const trimmed = name.trim();
  if (!trimmed) return msg('Enter a profile name.');
  const existing = profiles.list().find((p) => p.name === trimmed);
  if (existing) return msg('A profile named "{0}" already exists.', trimmed);
  return undefined;
}

function validate(profiles: ProfileService, p: NewProfile): Msg | undefined {
  return (
    nameProblem(profiles, p.name) ??
    checkEndpoint(p.endpoint) ??
    (p.project.trim() ? undefined : msg('Enter the project slug.')) ??
    (p.token.trim() ? undefined : msg('Enter the access token.'))
  );
}

function askForProfile({ ui, profiles, log }: ProfilesContext, checked: (owner: TokenOwner) => void): Promise<NewProfile | undefined> {
  const title = vscode.l10n.t('Add coScene Profile');
  return runWizard<NewProfile>(ui, [
    inputStep('name', () => ({
      title,
      prompt: vscode.l10n.t('Profile name'),
      validateInput: (v) => problemText(nameProblem(profiles, v)),
    })),
    inputStep('endpoint', () => ({
      title,
      prompt: vscode.l10n.t('OpenAPI endpoint (https://, or http:// for localhost only)'),
      value: DEFAULT_ENDPOINT,
      validateInput: (v) => problemText(checkEndpoint(v)),
    })),
    inputStep('project', () => ({
      title,
      prompt: vscode.l10n.t('Default project slug (the project part of the web URL)'),
      validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter the project slug.')),
    })),
    inputStep('token', (answers) => ({
      title,
      password: true,
      prompt: vscode.l10n.t(
        "Access token (coScene web: avatar → Personal Settings → Security → Generate Access Token). It is kept in VS Code's secret storage.",
      ),
      validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter the access token.')),
      // Before anything is saved: who is this token? A refused token keeps the box open with the reason.
      accept: async (token, signal) => {
        const profile = { name: answers.name?.trim() ?? '', endpoint: normalizeEndpoint(answers.endpoint ?? '') };
        const check = await checkToken(profile, token.trim(), log, signal);
        if (!check.ok) return check.message;
        checked(check.owner);
        return undefined;
      },
    })),
  ]);
}

function problemText(m: Msg | undefined): string | undefined {
  return m ? localize(m) : undefined;
}
