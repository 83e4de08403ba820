import * as vscode from 'vscode';
import { registryHostProblem, RegistryHostInferenceError, resolveRegistryHost } from '../../core/registry/host';
import { localize } from '../shared/errors';
import type { Ui } from '../shared/ui';
import { registryHostSetting } from './settings';

/**
 * The registry host: the setting (validated), else inferred from the endpoint, else `fallback`,
 * else asked for. Undefined when the user dismissed the input box.
 */
export async function chooseRegistryHost(ui: Ui, endpoint: string | undefined, fallback?: string): Promise<string | undefined> {
  try {
    return resolveRegistryHost({ setting: registryHostSetting(), endpoint }).host;
  } catch (err) {
    if (!(err instanceof RegistryHostInferenceError)) throw err;
    if (fallback) return fallback;
    return askForHost(ui, localize(err.userMessage));
  }
}

async function askForHost(ui: Ui, why: string): Promise<string | undefined> {
  const value = await ui.showInputBox({
    title: vscode.l10n.t('Container Registry Host'),
    prompt: why,
    placeHolder: vscode.l10n.t('host[:port], e.g. cr.coscene.cn'),
    ignoreFocusOut: true,
    validateInput: (text) => {
      const problem = registryHostProblem(text.trim());
      return problem ? localize(problem) : undefined;
    },
  });
  return value?.trim() || undefined;
}
