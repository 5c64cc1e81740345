/**
 * Entry point: builds the shared services and registers each feature. Activation is lazy (the
 * commands and the view, plus a workspace that contains `.project/clients.md`), and so is the
 * code of the draft, handover and overview commands (lazyFeatures.ts).
 */
import type * as vscode from 'vscode';
import { registerCadence } from './cadence/register';
import { registerClientsFile } from './clientsFile/register';
import { registerCommitments } from './commitments/register';
import { registerDiagnostics } from './diagnostics/register';
import { registerLazyFeatures } from './lazyFeatures';
import { registerPanelService } from './panel/service';
import { createServices } from './services';

export function activate(context: vscode.ExtensionContext): void {
  const services = createServices(context);
  registerClientsFile(context, services);
  registerCommitments(context, services);
  registerDiagnostics(context, services);
  registerCadence(context, services);
  const panels = registerPanelService(context, services);
  // The draft, handover and overview load on first use (a second bundle).
  registerLazyFeatures(context, services, panels);
}

export function deactivate(): void {
  // Everything registered is disposed through context.subscriptions.
}
