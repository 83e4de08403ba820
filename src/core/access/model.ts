import type { Msg } from '../errors';
import type { Project } from '../coscene/model';

/** What the access overview keeps of a user (the rest of the User message is not needed and would cost memory). */
export interface MemberInfo {
  name: string; // users/<uuid>
  nickname?: string;
  email: string;
  active: boolean;
}

/** 'ok': the member list was read; 'denied': the server refused it (permission_denied / not_found); 'failed': anything else. */
export type ReadStatus = 'ok' | 'denied' | 'failed';

export interface ProjectMembers {
  project: Project;
  status: ReadStatus;
  /** Why the list could not be read (status other than 'ok'). */
  problem?: Msg;
  /** user name → role code in this project ('' when the server sent no role). Empty unless status is 'ok'. */
  members: ReadonlyMap<string, string>;
}

/** Every visible project's member list, as one scan read them. */
export interface ProjectScan {
  projects: ProjectMembers[];
  /** Every user seen in a member list, by name. */
  users: ReadonlyMap<string, MemberInfo>;
  includeArchived: boolean;
  /** Epoch ms when the scan finished. */
  finishedAt: number;
  /** How many times the server limited requests during the scan. */
  throttled: number;
}

/** The organization's users with their org role (ListUsers without parent). */
export interface OrgRoster {
  status: ReadStatus;
  problem?: Msg;
  /** In server order. */
  users: { info: MemberInfo; orgRole: string }[];
}

/** "12 / 50 projects": `total` grows while the project list is still being read (`listed` false). */
export interface ScanProgress {
  done: number;
  total: number;
  listed: boolean;
}
