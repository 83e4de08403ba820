import type { FeatureContext } from '../shared/featureContext';
import type { ProfileService } from './profileService';

/** What the profile commands and the Accounts menu work with: every profile, not only the active one. */
export interface ProfilesContext extends FeatureContext {
  readonly profiles: ProfileService;
}
