import { AccessError, msg, type Msg } from '../errors';
import { projectKey, type AccessSnapshot, type SnapshotProject, type SnapshotUser } from './snapshot';

/**
 * Bounds of everything an export file controls. An export of the largest matrix the extension builds is far below
 * them in practice (2,000 users × 200 projects as JSON is ~4 MB); a file past one is refused, not half read.
 */
export const EXPORT_LIMITS = {
  /** Text length (UTF-16 units); adapters refuse a larger file by its byte size before reading it. */
  chars: 32 * 1024 * 1024,
  /** A YAML export: the YAML reader takes ~0.6 s a MB (JSON: 20 MB in 0.4 s), so a larger one blocks for too long. */
  yamlChars: 4 * 1024 * 1024,
  users: 200_000,
  projects: 10_000,
  memberships: 5_000_000,
  /** Any one name, nickname, email, slug, role code or header value. */
  valueChars: 1_000,
} as const;

/** An error about the file, naming it; nothing the file holds reaches the message unbounded. */
export function invalidExport(m: Msg): AccessError {
  return new AccessError(m, ['showLogs']);
}

/** A value from the file as it may appear in a message: control and bidi-override characters replaced, at most 80 characters. */
export function shown(value: string): string {
  // eslint-disable-next-line no-control-regex -- replacing control characters is the point
  const clean = value.replace(/[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '?');
  return clean.length > 80 ? `${clean.slice(0, 79)}…` : clean;
}

/** A string the file gave, checked against the length bound. */
export function boundedText(fileName: string, value: string, where: string): string {
  if (value.length > EXPORT_LIMITS.valueChars)
    throw invalidExport(msg('{0}: the value at {1} is longer than {2} characters.', fileName, shown(where), EXPORT_LIMITS.valueChars));
  return value;
}

/** Collects a snapshot while a reader walks the file: duplicates and every count bound are refused here. */
export class SnapshotBuilder {
  readonly users = new Map<string, SnapshotUser>();
  readonly projects = new Map<string, SnapshotProject>();
  readonly memberships = new Map<string, Map<string, string>>();
  private membershipCount = 0;

  constructor(private readonly fileName: string) {}

  addUser(user: SnapshotUser): void {
    if (this.users.has(user.name)) throw invalidExport(msg('{0}: user {1} is listed twice.', this.fileName, shown(user.name)));
    if (this.users.size >= EXPORT_LIMITS.users)
      throw invalidExport(msg('{0} lists more than {1} users.', this.fileName, EXPORT_LIMITS.users.toLocaleString('en-US')));
    this.users.set(user.name, user);
  }

  /** Returns the project's key in the snapshot. */
  addProject(project: SnapshotProject): string {
    const key = projectKey(project);
    if (this.projects.has(key)) throw invalidExport(msg('{0}: project {1} is listed twice.', this.fileName, shown(key)));
    if (this.projects.size >= EXPORT_LIMITS.projects)
      throw invalidExport(msg('{0} lists more than {1} projects.', this.fileName, EXPORT_LIMITS.projects.toLocaleString('en-US')));
    this.projects.set(key, project);
    return key;
  }

  addMembership(user: string, project: string, role: string): void {
    if (++this.membershipCount > EXPORT_LIMITS.memberships)
      throw invalidExport(msg('{0} holds more than {1} memberships.', this.fileName, EXPORT_LIMITS.memberships.toLocaleString('en-US')));
    let roles = this.memberships.get(user);
    if (!roles) this.memberships.set(user, (roles = new Map()));
    roles.set(project, role);
  }

  snapshot(rest: Omit<AccessSnapshot, 'users' | 'projects' | 'memberships'>): AccessSnapshot {
    return { ...rest, users: this.users, projects: this.projects, memberships: this.memberships };
  }
}
