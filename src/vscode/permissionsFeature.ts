// PLACEHOLDER: replaced by the permissions feature.
import type { Services } from './services';

export function registerPermissionsFeature(_services: Services): void {}
