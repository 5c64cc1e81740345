/**
 * Entry point: builds the shared services and registers each feature. Activation is lazy (the
 * commands and the view, plus a workspace that contains `.project/clients.md`).
 */
import type * as vscode from 'vscode';
import { registerCadence } from './cadence/register';
import { registerClientsFile } from './clientsFile/register';
import { registerCommitments } from './commitments/register';
import { registerDiagnostics } from './diagnostics/register';
import { registerDraftPanel } from './draft/register';
import { registerHandover } from './handover/register';
import { registerOverview } from './overview/register';
import { registerPanelService } from './panel/service';
import { createServices } from './services';

export function activate(context: vscode.ExtensionContext): void {
  const services = createServices(context);
  registerClientsFile(context, services);
  registerCommitments(context, services);
  registerDiagnostics(context, services);
  registerCadence(context, services);
  const panels = registerPanelService(context, services);
  registerDraftPanel(context, services, panels);
  registerHandover(context, services, panels);
  registerOverview(context, services);
}

export function deactivate(): void {
  // Everything registered is disposed through context.subscriptions.
}
