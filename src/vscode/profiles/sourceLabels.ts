import * as vscode from 'vscode';
import type { ProfileSource } from '../../core/profiles/profile';

/** The source as a short quick-pick description. */
export function shortSourceLabel(source: ProfileSource): string {
  switch (source) {
    case 'cocli':
      return vscode.l10n.t('cocli');
    case 'env':
      return vscode.l10n.t('COS_* environment');
    case 'extension':
      return vscode.l10n.t('VS Code');
  }
}
