/**
 * Activation, in a workspace WITHOUT a clients file: the extension is not started with the
 * window (no `*`, no onStartupFinished); its contributed commands are listed all the same, and
 * running one of them activates it and registers every command of package.json.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

const ID = 'client-pulse.client-pulse';

interface Manifest {
  activationEvents?: string[];
  contributes: { commands: Array<{ command: string }> };
}

describe('Activation (extension host, workspace without clients.md)', () => {
  it('is not active after start-up, and no activation event starts it with the window', async () => {
    const ext = vscode.extensions.getExtension(ID);
    assert.ok(ext, `${ID} is loaded`);
    // Give start-up time to activate it if something would.
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(ext.isActive, false, 'not activated by opening a window');
    const manifest = ext.packageJSON as Manifest;
    for (const event of manifest.activationEvents ?? []) assert.ok(!['*', 'onStartupFinished'].includes(event), `eager activation event ${event}`);
  });

  it('a contributed command activates it, and then every contributed command is registered', async () => {
    const ext = vscode.extensions.getExtension(ID);
    assert.ok(ext);
    await vscode.commands.executeCommand('clientPulse.refresh');
    assert.equal(ext.isActive, true, 'activated by its command');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = (ext.packageJSON as Manifest).contributes.commands.map((c) => c.command).filter((c) => !registered.has(c));
    assert.deepEqual(missing, [], 'every command in package.json has a handler');
  });

  it('the draft, handover and overview code (dist/extension-features.js) loads on the first of their commands, not at activation', async () => {
    const ext = vscode.extensions.getExtension(ID);
    assert.ok(ext?.isActive, 'activated by the test before');
    const loaded = () => Object.keys(require.cache).some((k) => k.endsWith(`${path.sep}dist${path.sep}extension-features.js`));
    assert.equal(loaded(), false, 'not read at activation');
    // No clients file here: the command says so, after loading its code.
    await vscode.commands.executeCommand('clientPulse.clientsOverview');
    assert.equal(loaded(), true, 'read by the first feature command');
  });
});
