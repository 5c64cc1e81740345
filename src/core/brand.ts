/**
 * `instanceof` for errors that may come from another copy of the same module: the extension has
 * two bundles (the second loaded on first use, src/extension/lazyFeatures.ts) and each holds its
 * own copy of core, so a `WriteError` thrown by one is not an instance of the other's class. A
 * branded class recognises an object by a registry symbol on its prototype chain instead of by
 * its constructor; subclasses keep their own brand (a `GitError` is a `NoticeError`, not every
 * `NoticeError` a `GitError`).
 */
export function brandClass(cls: abstract new (...args: never[]) => object, name: string): void {
  const brand = Symbol.for(`client-pulse.${name}`);
  Object.defineProperty(cls.prototype, brand, { value: true });
  Object.defineProperty(cls, Symbol.hasInstance, {
    value: (value: unknown): boolean => (typeof value === 'object' || typeof value === 'function') && value !== null && (value as Record<symbol, unknown>)[brand] === true,
  });
}
