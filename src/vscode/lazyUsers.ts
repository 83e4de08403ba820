import * as cosceneApi from '../core/coscene/api';
import * as apiErrors from '../core/coscene/apiErrors';
import * as coreErrors from '../core/errors';
import * as vscodeErrors from './errors';
import * as usersKeys from './usersKeys';
import * as nodes from './views/nodes';
import { chunkLoader } from './chunkLoader';
import type * as Chunk from './usersChunk';

/**
 * dist/users.js takes these modules from here instead of carrying copies (esbuild.mjs, LAZY_CHUNKS): its errors must
 * be this bundle's classes (`instanceof AccessError`, `instanceof CosceneApiError`), its nodes are this bundle's classes. Keys are the modules' paths; esbuild.mjs fails the build when the chunk imports a module
 * from outside its folders that is not listed here. Unbundled, the map is unused.
 */
const shared = (): Record<string, unknown> => ({
  'src/core/coscene/api.ts': cosceneApi,
  'src/core/coscene/apiErrors.ts': apiErrors,
  'src/core/errors.ts': coreErrors,
  'src/vscode/errors.ts': vscodeErrors,
  'src/vscode/usersKeys.ts': usersKeys,
  'src/vscode/views/nodes.ts': nodes,
});

const loader = chunkLoader('users', shared, () => require('./usersChunk') as typeof Chunk);

/**
 * The users & roles implementation, required on first use (a view asks for its items, a command runs,
 * `api.features.users` is read) instead of at activation. In the bundle esbuild rewrites './usersChunk' to './users.js'.
 */
export const loadUsersChunk = loader.load;

/** True once the users chunk has been required (used by the benchmark and tests). */
export const isUsersChunkLoaded = loader.isLoaded;
