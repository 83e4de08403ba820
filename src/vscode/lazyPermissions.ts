import * as coreErrors from '../core/errors';
import * as lazyHttp from '../core/http/lazyHttp';
import * as redact from '../core/redact';
import * as vscodeErrors from './errors';
import * as httpSettings from './httpSettings';
import * as permissionsKeys from './permissionsKeys';
import * as secrets from './secrets';
import * as nodes from './views/nodes';
import { chunkLoader } from './chunkLoader';
import type * as Chunk from './permissionsChunk';

/**
 * dist/permissions.js takes these modules from here instead of carrying copies (esbuild.mjs, permissionsChunk plugin):
 * its errors must be this bundle's classes (`instanceof AccessError`), its secrets go to this bundle's redaction
 * registry, its nodes are this bundle's classes. Keys are the modules' paths; esbuild.mjs fails the build when the
 * chunk imports a module from outside its folders that is not listed here. Unbundled, the map is unused.
 */
const shared = (): Record<string, unknown> => ({
  'src/core/errors.ts': coreErrors,
  'src/core/http/lazyHttp.ts': lazyHttp,
  'src/core/redact.ts': redact,
  'src/vscode/errors.ts': vscodeErrors,
  'src/vscode/httpSettings.ts': httpSettings,
  'src/vscode/permissionsKeys.ts': permissionsKeys,
  'src/vscode/secrets.ts': secrets,
  'src/vscode/views/nodes.ts': nodes,
});

const loader = chunkLoader('permissions', shared, () => require('./permissionsChunk') as typeof Chunk);

/**
 * The Repository Permissions implementation, required on first use (view shown, command run) instead of at
 * activation. In the bundle esbuild rewrites './permissionsChunk' to the separate chunk './permissions.js'.
 */
export const loadPermissionsChunk = loader.load;

/** True once the permissions chunk has been required (used by the benchmark and tests). */
export const isPermissionsChunkLoaded = loader.isLoaded;
