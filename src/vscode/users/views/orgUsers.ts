import * as vscode from 'vscode';
import type { CosceneApi, User } from '../../../core/coscene/model';
import { ORG_USERS_CONTEXT_KEYS, ORG_USERS_VIEW } from '../keys';
import type { UsersTreeDeps } from './roleGroups';
import type { ScopeModel } from './usersModel';
import { UserItem, userLabel } from './userItems';
import { UsersViewState } from './usersState';
import { UsersTree } from './usersTreeBase';

/** Organization Users: "You", then the organization-level role groups (ListUsers with no parent). */
export class OrgUsersTree extends UsersTree {
  private root: Promise<ScopeModel> | undefined;

  constructor(deps: UsersTreeDeps) {
    super(deps, new UsersViewState(ORG_USERS_CONTEXT_KEYS), {
      viewId: ORG_USERS_VIEW,
      level: 'organization',
      top: (api, signal) => currentUserItem(deps, api, signal),
    });
  }

  title(): string {
    return vscode.l10n.t('Organization Users');
  }

  protected describe(): string {
    return this.deps.profiles.current()?.org ?? '';
  }

  protected clear(): void {
    this.root = undefined;
  }

  protected async rootChildren(): Promise<vscode.TreeItem[]> {
    const blocked = this.blocked();
    if (blocked) return blocked;
    this.root ??= this.groups.load('', ORG_USERS_VIEW);
    const model = await this.root;
    this.updateDescription(); // the organization's slug may have been learnt while loading
    return this.groups.nodes(model, undefined);
  }

  /**
   * Find User: the view filtered by the user's nickname (one request, whatever the organization's size; Clear Filter
   * brings the groups back), and the user's row in it, loading at most `maxPages` pages when many nicknames match.
   */
  async showFound(user: User, maxPages = 5): Promise<UserItem | undefined> {
    this.state.setFilter({ kind: 'nickname', text: user.nickname || user.email });
    this.refresh();
    for (let page = 1; ; page++) {
      const nodes = await this.rootChildren();
      const row = nodes.find((n): n is UserItem => n instanceof UserItem && n.user.name === user.name && n.id !== YOU_ID);
      if (row) return row;
      const list = (await this.root)?.list;
      if (!list?.cursor.hasMore || list.cursor.state === 'failed' || page >= maxPages) return undefined;
      await this.loadMore(list);
    }
  }
}

const YOU_ID = `${ORG_USERS_VIEW}/you`;

/** "You: …", or nothing when GetUser users/current fails (logged). */
async function currentUserItem(deps: UsersTreeDeps, api: CosceneApi, signal: AbortSignal): Promise<UserItem | undefined> {
  try {
    const me = await api.getUser('users/current', signal);
    const item = new UserItem(me, undefined, YOU_ID, vscode.l10n.t('You: {0}', userLabel(me)));
    item.iconPath = new vscode.ThemeIcon('person');
    return item;
  } catch (err) {
    deps.log.warn(`GetUser users/current failed: ${String(err)}`);
    return undefined;
  }
}
