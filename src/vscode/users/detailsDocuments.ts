import * as vscode from 'vscode';
import type { Role, User } from '../../core/coscene/model';
import { formatRole } from '../../core/format/roles';
import { formatUser, userId } from '../../core/format/users';
import { DETAILS_SETTINGS } from './keys';

export const DETAILS_SCHEME = 'coscene';

export type DetailsFormat = 'json' | 'yaml';

export function configuredDetailsFormat(): DetailsFormat {
  return vscode.workspace.getConfiguration(DETAILS_SETTINGS).get<string>('format') === 'yaml' ? 'yaml' : 'json';
}

/**
 * Read-only documents (scheme `coscene`) with a user or role as cocli prints it: `user get -o json|yaml`
 * for users, the Role message for roles. Content is kept in memory, keyed by URI.
 */
export class DetailsDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration: vscode.Disposable;

  constructor() {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(DETAILS_SCHEME, this);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  showUser(user: User, format = configuredDetailsFormat()): Promise<vscode.TextDocument> {
    return this.show(`/users/${userId(user.name)}.${format}`, formatUser(user, format));
  }

  showRole(role: Role, format = configuredDetailsFormat()): Promise<vscode.TextDocument> {
    return this.show(`/roles/${role.name.replace(/^roles\//, '')}.${format}`, formatRole(role, format));
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }

  private async show(path: string, content: string): Promise<vscode.TextDocument> {
    const uri = vscode.Uri.from({ scheme: DETAILS_SCHEME, path });
    const key = uri.toString();
    const previous = this.contents.get(key);
    this.contents.set(key, content);
    if (previous !== undefined && previous !== content) this.changed.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: true });
    return doc;
  }
}
