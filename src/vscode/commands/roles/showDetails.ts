import * as vscode from 'vscode';
import type { DetailsDocuments } from '../../details/detailsDocuments';
import { roleFrom } from './roleArgument';

export function registerShowRoleDetails(details: DetailsDocuments): vscode.Disposable {
  return vscode.commands.registerCommand('coscene.role.showDetails', (arg: unknown) => {
    const role = roleFrom(arg);
    return role ? details.showRole(role) : undefined;
  });
}
