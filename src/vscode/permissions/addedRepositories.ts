import type * as vscode from 'vscode';
import { ADDED_REPOSITORIES_STATE_KEY as KEY } from './keys';

/** A repository the user added by id (it may live in another CodeArts project than the listed one). */
export interface AddedRepository {
  projectId: string;
  repoId: string;
}

export const CODEARTS_PROJECT_ID = /^[a-z0-9]{32}$/;

/** Kept in globalState: ids only, nothing secret. */
export class AddedRepositories {
  constructor(private readonly state: vscode.Memento) {}

  list(): AddedRepository[] {
    return this.state.get<AddedRepository[]>(KEY, []);
  }

  async add(repo: AddedRepository): Promise<boolean> {
    const list = this.list();
    if (list.some((r) => same(r, repo))) return false;
    await this.state.update(KEY, [...list, repo]);
    return true;
  }

  async remove(repo: AddedRepository): Promise<void> {
    await this.state.update(
      KEY,
      this.list().filter((r) => !same(r, repo)),
    );
  }
}

function same(a: AddedRepository, b: AddedRepository): boolean {
  return a.projectId === b.projectId && a.repoId === b.repoId;
}
