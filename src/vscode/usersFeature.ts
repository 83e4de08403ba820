// PLACEHOLDER: replaced by the users feature.
import type { Services } from './services';

export function registerUsersFeature(_services: Services): void {}
