/**
 * The entry of the extension's second bundle, `dist/extension-features.js` (esbuild.js): the draft
 * panel's composing, the handover and the clients overview, with the core they alone need. The
 * extension's entry does not load it at activation; `lazyFeatures.ts` requires it the first time
 * one of these commands runs or a draft panel is restored.
 */
export { createDraftFeature, type DraftFeature } from './draft/register';
export { createHandoverFeature, type HandoverFeature } from './handover/register';
export { createOverviewFeature, type OverviewFeature } from './overview/register';
