import type { CosceneApi } from '../../core/coscene/model';
import type { ExportFacts, ExportFilters } from '../../core/format/exportFacts';
import type { FeatureContext } from '../shared/featureContext';

/**
 * The organization's slug, as the Organization Users view shows it: the profile's, or the one the profile service
 * learnt; else one GetOrganization.
 */
export async function organizationSlug(ctx: FeatureContext, api: CosceneApi, signal?: AbortSignal): Promise<string> {
  return ctx.profiles.current()?.org ?? (await api.getOrganization(signal)).slug;
}

/** The extension's version, as its package.json says. */
export function extensionVersion(ctx: FeatureContext): string {
  const version = (ctx.extension.extension.packageJSON as { version?: unknown } | undefined)?.version;
  return typeof version === 'string' ? version : '';
}

/** What an export says about itself: the organization, the profile's name and endpoint (never its token), when, which filters. */
export function exportFacts(ctx: FeatureContext, organization: string, readAt: number, filters: Partial<ExportFilters>): ExportFacts {
  const profile = ctx.profiles.current();
  return {
    organization,
    profile: profile?.name ?? '',
    endpoint: withoutUserInfo(profile?.endpoint ?? ''),
    readAt,
    filters: {
      roleCodes: filters.roleCodes ?? [],
      projects: filters.projects ?? [],
      includeArchived: filters.includeArchived ?? false,
      inactiveWithRoleOnly: filters.inactiveWithRoleOnly ?? false,
    },
    extensionVersion: extensionVersion(ctx),
  };
}

/** An endpoint without any user name or password it may carry. */
function withoutUserInfo(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    if (!url.username && !url.password) return endpoint;
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    return endpoint;
  }
}
