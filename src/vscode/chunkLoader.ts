/**
 * Requires a feature chunk on first use. Before the first require it publishes the main bundle's modules the chunk
 * shares (esbuild.mjs, LAZY_CHUNKS), so the chunk uses this bundle's classes and registries instead of copies.
 * Unbundled (tsc output), the chunk is a plain module and the published map is unused.
 */
export interface ChunkLoader<T> {
  load(): T;
  isLoaded(): boolean;
}

export function chunkLoader<T>(name: string, shared: () => Record<string, unknown>, requireChunk: () => T): ChunkLoader<T> {
  const key = Symbol.for(`coscene-access.${name}-shared-modules`);
  let loaded: T | undefined;
  return {
    load: () => {
      if (loaded === undefined) {
        (globalThis as Record<symbol, unknown>)[key] ??= shared();
        loaded = requireChunk();
      }
      return loaded;
    },
    isLoaded: () => loaded !== undefined,
  };
}
