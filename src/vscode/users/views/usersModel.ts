import type * as vscode from 'vscode';
import type { Project, User } from '../../../core/coscene/model';
import type { PageCursor } from '../../../core/paging';
import type { ProjectItem } from './projectItems';
import type { GroupItem, UserItem } from './userItems';

/** A list of users loaded page by page: a role group, or the flat (or filtered) list of a scope. */
export interface UserList {
  readonly cursor: PageCursor<User>;
  /** The tree element holding the list; undefined when its rows sit at the scope's level. */
  readonly element: GroupItem | undefined;
  /** The list's tree id; its rows' ids are below it. */
  readonly id: string;
  /** One row per user, created once so reveal and refresh see the same objects. */
  readonly items: UserItem[];
  /** The users that have a row: a server sending one twice gets it shown once. */
  readonly shown: Set<string>;
  /** How many of the cursor's users were turned into rows. */
  synced: number;
}

/** A loaded scope (the organization, or one project): its groups, or the flat list below `top`. */
export interface ScopeModel {
  readonly top: vscode.TreeItem[];
  /** The flat (or filtered) list below `top`, when not grouped. */
  readonly list?: UserList;
  /** Loading failed: `top` is the error row, and the scope is read again when next shown. */
  readonly failed?: boolean;
}

/** The projects of the Project Users view, loaded page by page (ListProjects). */
export interface ProjectList {
  readonly cursor: PageCursor<Project>;
  readonly id: string;
  /** Projects shown before the listing's: the default and a selected one not (yet) in the loaded pages. */
  readonly pinned: Project[];
  /** One item per project, created once (reveal and refresh see the same objects). */
  readonly byName: Map<string, ProjectItem>;
}
