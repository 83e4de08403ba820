import * as vscode from 'vscode';
import type { ProfileSource } from '../../../src/core/profiles/profile';
import { ADD_PROFILE, REMOVE_PROFILE, SET_TOKEN, SWITCH_PROFILE } from '../../../src/vscode/profiles/keys';
import type { ListedProfile } from '../../../src/vscode/profiles/profileService';
import { restoreUi, scriptUi, type ScriptedUi } from './scriptedUi';

/**
 * The profile commands as a user runs them: no arguments, each question answered through a ScriptedUi. Pass the
 * test's own ScriptedUi when it has one installed (with no answers left in its queue); without one, a ScriptedUi is
 * installed for the command and VS Code's window put back after it. Each rejects when the command showed an error or
 * a question went unanswered.
 */
async function runScripted(ui: ScriptedUi | undefined, command: string, script: (ui: ScriptedUi) => void): Promise<void> {
  const scripted = ui ?? (await scriptUi());
  const errorsBefore = scripted.messages('error').length;
  try {
    script(scripted);
    await vscode.commands.executeCommand(command);
    const errors = scripted.messages('error').slice(errorsBefore);
    if (errors.length) throw new Error(`${command} failed: ${errors.join('; ')}`);
    scripted.assertAllAnswered();
  } finally {
    if (!ui) await restoreUi();
  }
}

/** Picks the profile `name` of `source` in a quick pick of profiles (Switch Profile, Set Token). */
export const profileItem =
  (name: string, source: ProfileSource) =>
  (item: Record<string, unknown>): boolean => {
    const profile = item.profile as ListedProfile | undefined;
    return profile?.name === name && profile.source === source;
  };

/** Switch Profile…, picking `name` of `source`. */
export function switchProfile(name: string, source: ProfileSource, ui?: ScriptedUi): Promise<void> {
  return runScripted(ui, SWITCH_PROFILE, (s) => s.pick(profileItem(name, source)));
}

/** Add Profile…, typing the name, endpoint, project and token (the profile becomes the active one). */
export function addProfile(profile: { name: string; endpoint: string; project: string; token: string }, ui?: ScriptedUi): Promise<void> {
  return runScripted(ui, ADD_PROFILE, (s) => s.input(profile.name).input(profile.endpoint).input(profile.project).input(profile.token));
}

/** Set Token for Profile…, typing `token` for the active profile. */
export function setToken(token: string, ui?: ScriptedUi): Promise<void> {
  return runScripted(ui, SET_TOKEN, (s) => s.input(token));
}

/** Remove Profile…, picking the VS Code profile `name` and confirming. */
export function removeProfile(name: string, ui?: ScriptedUi): Promise<void> {
  return runScripted(ui, REMOVE_PROFILE, (s) => s.pick(name).answerConfirm(vscode.l10n.t('Remove')));
}
