import * as coreErrors from '../core/errors';
import * as redact from '../core/redact';
import * as vscodeErrors from './errors';
import * as registryKeys from './registryKeys';
import * as secrets from './secrets';
import { chunkLoader } from './chunkLoader';
import type * as Chunk from './registryChunk';

/**
 * dist/registry.js takes these modules from here instead of carrying copies (esbuild.mjs, LAZY_CHUNKS): its errors must
 * be this bundle's classes (`instanceof AccessError`), its secrets go to this bundle's redaction registry. Keys are
 * the modules' paths; esbuild.mjs fails the build when the chunk imports a module from outside its folders that is not
 * listed here. Unbundled, the map is unused.
 */
const shared = (): Record<string, unknown> => ({
  'src/core/errors.ts': coreErrors,
  'src/core/redact.ts': redact,
  'src/vscode/errors.ts': vscodeErrors,
  'src/vscode/registryKeys.ts': registryKeys,
  'src/vscode/secrets.ts': secrets,
});

const loader = chunkLoader('registry', shared, () => require('./registryChunk') as typeof Chunk);

/**
 * The container registry implementation, required on first use (a command runs, `api.features.registry` is read,
 * or a login is remembered) instead of at activation. In the bundle esbuild rewrites './registryChunk' to './registry.js'.
 */
export const loadRegistryChunk = loader.load;

/** True once the registry chunk has been required (used by the benchmark and tests). */
export const isRegistryChunkLoaded = loader.isLoaded;
