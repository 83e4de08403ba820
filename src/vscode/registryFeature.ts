// PLACEHOLDER: replaced by the registry feature.
import type { Services } from './services';

export function registerRegistryFeature(_services: Services): void {}
