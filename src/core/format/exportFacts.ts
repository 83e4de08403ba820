import { formatMsg, msg, type Msg } from '../errors';
import type { ProtoObject } from './protojson';

/** What an export says about itself: where and when it was read, with which filters. Never a token. */
export interface ExportFacts {
  /** Organization slug. */
  organization: string;
  /** Profile name only. */
  profile: string;
  endpoint: string;
  /** Epoch ms when the data was read. */
  readAt: number;
  filters: ExportFilters;
  extensionVersion: string;
}

export interface ExportFilters {
  roleCodes: readonly string[];
  projects: readonly string[];
  includeArchived: boolean;
  inactiveWithRoleOnly: boolean;
}

/** Whether the export leaves out users or projects (archived projects left out do not count: that is the default). */
export function isFiltered(filters: ExportFilters): boolean {
  return filters.roleCodes.length > 0 || filters.projects.length > 0 || filters.inactiveWithRoleOnly;
}

/** The top-level `export:` object of a JSON or YAML export (keys fixed English; times ISO 8601 UTC). */
export function exportFactsObject(facts: ExportFacts, kind: string): ProtoObject {
  return {
    kind,
    organization: facts.organization,
    profile: facts.profile,
    endpoint: facts.endpoint,
    readAt: new Date(facts.readAt).toISOString(),
    extensionVersion: facts.extensionVersion,
    filters: {
      roleCodes: [...facts.filters.roleCodes],
      projects: [...facts.filters.projects],
      includeArchived: facts.filters.includeArchived,
      inactiveWithRoleOnly: facts.filters.inactiveWithRoleOnly,
    },
  };
}

/** The lines before a Markdown export's table (localised, not yet Markdown-escaped). */
export function exportFactsLines(facts: ExportFacts, t: (m: Msg) => string = formatMsg): string[] {
  const f = facts.filters;
  const filters = [
    ...(f.roleCodes.length ? [t(msg('roles {0}', f.roleCodes.join(', ')))] : []),
    ...(f.projects.length ? [t(msg('projects {0}', f.projects.join(', ')))] : []),
    ...(f.inactiveWithRoleOnly ? [t(msg('inactive users who still hold a role'))] : []),
  ];
  return [
    t(msg('Organization: {0}', facts.organization)),
    t(msg('Profile: {0} ({1})', facts.profile, facts.endpoint)),
    t(msg('Read at: {0}', new Date(facts.readAt).toISOString())),
    t(msg('Filters: {0}', filters.length ? filters.join('; ') : t(msg('none')))),
    t(msg('coScene Access {0}', facts.extensionVersion)),
  ];
}
