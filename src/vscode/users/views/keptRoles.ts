import type * as vscode from 'vscode';
import { readKeptRoles, sameRoles, withKeptRoles } from '../../../core/coscene/keptRoles';
import type { Role } from '../../../core/coscene/model';
import type { ProfileInfo } from '../../../core/profiles/profile';
import { profileKey } from '../../../core/profiles/selection';
import { KEPT_ROLES_STATE_KEY } from '../keys';

/** The last ListRoles answer per profile, endpoint and level, kept in globalState between sessions (a guess the users views revalidate). */
export class KeptRoles {
  constructor(private readonly state: vscode.Memento) {}

  get(scope: string): Role[] | undefined {
    return readKeptRoles(this.state.get(KEPT_ROLES_STATE_KEY), scope);
  }

  async keep(scope: string, roles: readonly Role[]): Promise<void> {
    const stored = this.state.get(KEPT_ROLES_STATE_KEY);
    if (sameRoles(readKeptRoles(stored, scope), roles)) return;
    await this.state.update(KEPT_ROLES_STATE_KEY, withKeptRoles(stored, scope, roles, Date.now()));
  }
}

/** Which kept list a profile's view of `level` reads. */
export function keptRolesScope(profile: ProfileInfo, level: string): string {
  return `${level} ${profileKey(profile.source, profile.name)} ${profile.endpoint}`;
}
