import * as vscode from 'vscode';
import { AccessError, msg, type Msg } from '../../../core/errors';
import { checkEndpoint, normalizeEndpoint } from '../../../core/profiles/endpoint';
import type { Command } from '../../shared/commands';
import { localize } from '../../shared/errors';
import type { ProfilesContext } from '../context';
import type { ProfileService } from '../profileService';

interface NewProfile {
  name: string;
  endpoint: string;
  project: string;
  token: string;
}

const DEFAULT_ENDPOINT = 'https://openapi.coscene.cn';

/** "coScene: Add Profile…": asks for the name, endpoint, project and token; the new profile becomes the active one. */
export const addProfile: Command<ProfilesContext> = async (ctx) => {
  await ctx.profiles.ready;
  const input = await askForProfile(ctx);
  if (!input) return;
  // Checked again: another window may have added the name while the questions were open.
  const problem = validate(ctx.profiles, input);
  if (problem) throw new AccessError(problem, ['addProfile']);
  const name = input.name.trim();
  await ctx.profiles.addProfile({ name, endpoint: normalizeEndpoint(input.endpoint), project: input.project.trim() }, input.token.trim());
  ctx.log.info(`Added coScene profile "${name}".`);
};

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

async function askForProfile({ ui, profiles }: ProfilesContext): Promise<NewProfile | undefined> {
  const title = vscode.l10n.t('Add coScene Profile');
  const name = await ui.showInputBox({
    title,
    ignoreFocusOut: true,
    prompt: vscode.l10n.t('Profile name'),
    validateInput: (v) => problemText(nameProblem(profiles, v)),
  });
  if (name === undefined) return undefined;
  const endpoint = await ui.showInputBox({
    title,
    ignoreFocusOut: true,
    prompt: vscode.l10n.t('OpenAPI endpoint (https://, or http:// for localhost only)'),
    value: DEFAULT_ENDPOINT,
    validateInput: (v) => problemText(checkEndpoint(v)),
  });
  if (endpoint === undefined) return undefined;
  const project = await ui.showInputBox({
    title,
    ignoreFocusOut: true,
    prompt: vscode.l10n.t('Default project slug (the project part of the web URL)'),
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter the project slug.')),
  });
  if (project === undefined) return undefined;
  const token = await ui.showInputBox({
    title,
    ignoreFocusOut: true,
    password: true,
    prompt: vscode.l10n.t(
      "Access token (coScene web: avatar → Personal Settings → Security → Generate Access Token). It is kept in VS Code's secret storage.",
    ),
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter the access token.')),
  });
  if (token === undefined) return undefined;
  return { name, endpoint, project, token };
}

function problemText(m: Msg | undefined): string | undefined {
  return m ? localize(m) : undefined;
}
