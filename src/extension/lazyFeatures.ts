/**
 * The commands and panel providers of the features in the second bundle (`features.ts`),
 * registered at activation but loaded on first use: activation reads only what the sidebar, the
 * diagnostics and the status bar need. Loading is synchronous (`require`), so even a provider's
 * synchronous methods can load it; by then a panel exists, so it has been loaded already.
 *
 * The second bundle has its own copies of the modules both use; module state is not shared
 * (services and the panel service are passed in), and errors keep `instanceof` across the copies
 * (core/brand.ts).
 */
import * as path from 'node:path';
import { createRequire } from 'node:module';
import * as vscode from 'vscode';
import { CommandId } from './commandIds';
import type * as Features from './features';
import type { PanelService } from './panel/service';
import type { PanelProvider } from './panel/types';
import type { Services } from './services';

interface Loaded {
  draft: Features.DraftFeature;
  handover: Features.HandoverFeature;
  overview: Features.OverviewFeature;
}

/** A provider whose every property is read from `target()` when first asked for (the feature loads then). */
function deferred(target: () => PanelProvider): PanelProvider {
  return new Proxy({} as PanelProvider, {
    get: (_, key) => {
      const real = target() as unknown as Record<string | symbol, unknown>;
      const value = real[key];
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(real) : value;
    },
    has: (_, key) => key in target(),
  });
}

export function registerLazyFeatures(context: vscode.ExtensionContext, services: Services, panels: PanelService): void {
  let loaded: Loaded | undefined;
  const features = (): Loaded => {
    if (!loaded) {
      const bundle = path.join(__dirname, 'extension-features.js');
      const f = createRequire(bundle)(bundle) as typeof Features;
      loaded = { draft: f.createDraftFeature(context, services, panels), handover: f.createHandoverFeature(services, panels), overview: f.createOverviewFeature(context, services) };
      services.log.info('loaded the draft, handover and overview features');
    }
    return loaded;
  };
  panels.provide('update', deferred(() => features().draft.provider));
  panels.provide('document', deferred(() => features().handover.provider));
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandId.DraftUpdate, (arg?: unknown) => features().draft.run(arg)),
    vscode.commands.registerCommand(CommandId.GenerateHandover, (arg?: unknown) => features().handover.run(arg)),
    vscode.commands.registerCommand(CommandId.ClientsOverview, () => features().overview.run()),
    { dispose: () => loaded?.overview.dispose() },
  );
}
