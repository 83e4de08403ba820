import type { PermissionsTestApi } from '../../../src/vscode/permissions';
import type { ProfileService } from '../../../src/vscode/profiles/profileService';
import type { RegistryFeatureApi } from '../../../src/vscode/registry';
import { extensionApi } from './profileFixtures';

/** The profile, permissions and registry features, once profiles and the Huawei session have loaded. */
export async function readyFeatures(): Promise<{
  profiles: ProfileService;
  permissions: PermissionsTestApi;
  registry: RegistryFeatureApi;
}> {
  const api = await extensionApi();
  const profiles = api.profiles;
  const permissions = api.permissions;
  const registry = api.registry;
  await profiles.ready;
  await permissions.ready;
  return { profiles, permissions, registry };
}
