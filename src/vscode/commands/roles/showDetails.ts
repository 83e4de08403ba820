import * as vscode from 'vscode';
import { registerCommand } from '../users/commandTable';
import type { DetailsDocuments } from '../../details/detailsDocuments';
import { roleFrom } from './roleArgument';

export function registerShowRoleDetails(details: DetailsDocuments): vscode.Disposable {
  return registerCommand('coscene.role.showDetails', (arg: unknown) => {
    const role = roleFrom(arg);
    return role ? details.showRole(role) : undefined;
  });
}
