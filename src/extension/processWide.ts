/**
 * State that must be one per extension host, not one per bundle: the extension's second bundle
 * (lazyFeatures.ts) has its own copy of each module it shares with the first, so a module-level
 * object would exist twice. `processWide` keeps it on `globalThis` under a registry symbol, and both
 * copies get the same object. For test hooks and the like; caches may stay per copy.
 */
export function processWide<T extends object>(name: string, init: () => T): T {
  const key = Symbol.for(`client-pulse.${name}`);
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  return (store[key] ??= init());
}
