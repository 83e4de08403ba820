import * as vscode from 'vscode';
import { AccessError, msg, type Msg } from '../../../core/errors';
import { checkEndpoint, normalizeEndpoint } from '../../../core/profiles/endpoint';
import type { CommandHandler } from '../../shared/commands';
import { localize, reportError } from '../../shared/errors';
import type { Log } from '../../shared/log';
import { scriptedArgs } from '../../shared/testMode';
import type { ProfileService } from '../profileService';

export interface AddProfileArgs {
  name: string;
  endpoint: string;
  project: string;
  token: string;
  /** Make it the active profile (default true). */
  activate?: boolean;
}

const DEFAULT_ENDPOINT = 'https://openapi.coscene.cn';

/**
 * "coScene: Add Profile…". Resolves true once saved. Complete arguments skip the questions only in test mode
 * (shared/testMode.ts): elsewhere another extension could add and activate its own endpoint.
 */
export function addProfile(profiles: ProfileService, log: Log, acceptScriptedArgs: boolean): CommandHandler {
  return async (args?: Partial<AddProfileArgs>) => {
    try {
      await profiles.ready;
      const given = scriptedArgs(acceptScriptedArgs, args);
      const input = isComplete(given) ? given : await askForProfile(profiles);
      if (!input) return false;
      const problem = validate(profiles, input);
      if (problem) throw new AccessError(problem, ['addProfile']);
      const name = input.name.trim();
      await profiles.addProfile(
        { name, endpoint: normalizeEndpoint(input.endpoint), project: input.project.trim() },
        input.token.trim(),
        input.activate ?? true,
      );
      log.info(`Added coScene profile "${name}".`);
      return true;
    } catch (err) {
      reportError(log, 'Adding a coScene profile failed', err);
      return false;
    }
  };
}

function isComplete(args: Partial<AddProfileArgs> | undefined): args is AddProfileArgs {
  return !!args && [args.name, args.endpoint, args.project, args.token].every((v) => typeof v === 'string');
}

function nameProblem(profiles: ProfileService, name: string): Msg | undefined {
  const trimmed = name.trim();
  if (!trimmed) return msg('Enter a profile name.');
  const existing = profiles.list().find((p) => p.name === trimmed);
  if (existing) return msg('A profile named "{0}" already exists.', trimmed);
  return undefined;
}

function validate(profiles: ProfileService, p: AddProfileArgs): Msg | undefined {
  return (
    nameProblem(profiles, p.name) ??
    checkEndpoint(p.endpoint) ??
    (p.project.trim() ? undefined : msg('Enter the project slug.')) ??
    (p.token.trim() ? undefined : msg('Enter the access token.'))
  );
}

async function askForProfile(profiles: ProfileService): Promise<AddProfileArgs | undefined> {
  const title = vscode.l10n.t('Add coScene Profile');
  const name = await vscode.window.showInputBox({
    title,
    ignoreFocusOut: true,
    prompt: vscode.l10n.t('Profile name'),
    validateInput: (v) => problemText(nameProblem(profiles, v)),
  });
  if (name === undefined) return undefined;
  const endpoint = await vscode.window.showInputBox({
    title,
    ignoreFocusOut: true,
    prompt: vscode.l10n.t('OpenAPI endpoint (https://, or http:// for localhost only)'),
    value: DEFAULT_ENDPOINT,
    validateInput: (v) => problemText(checkEndpoint(v)),
  });
  if (endpoint === undefined) return undefined;
  const project = await vscode.window.showInputBox({
    title,
    ignoreFocusOut: true,
    prompt: vscode.l10n.t('Default project slug (the project part of the web URL)'),
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter the project slug.')),
  });
  if (project === undefined) return undefined;
  const token = await vscode.window.showInputBox({
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
