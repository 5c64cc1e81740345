/**
 * The import graph of src/ keeps the layers of docs/architecture.md: no cycle; no feature folder
 * of the extension imports another (they share `panel/`, the one panel service); core imports no
 * front (extension, cli, webview, shared). The rules are checked on a small tree too, so that a
 * broken reader would fail here rather than pass on src/ by finding nothing.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { crossFeatureImports, importCycles, importGraph, importsIntoFronts } from '../support/imports';
import { tempDir } from '../support/temp';

const ROOT = path.join(__dirname, '..', '..');
const FRONTS = ['src/extension', 'src/cli', 'src/webview', 'src/shared'];
const SHARED_SERVICES = ['panel'];

describe('imports of src/', () => {
  const graph = importGraph(ROOT, 'src');

  it('reads the whole tree, every relative import resolved', () => {
    assert.ok(graph.files.length > 100, `${graph.files.length} files`);
    assert.ok(graph.imports.get('src/extension/extension.ts')?.includes('src/extension/panel/service.ts'), 'extension.ts → panel/service.ts');
    assert.deepEqual(graph.unresolved, []);
  });

  it('no import cycle', () => {
    assert.deepEqual(importCycles(graph), []);
  });

  it('no feature folder of src/extension imports another (panel/ is the shared service)', () => {
    assert.deepEqual(crossFeatureImports(graph, 'src/extension', SHARED_SERVICES), []);
  });

  it('core imports nothing from the extension, the CLI, the webview or shared', () => {
    assert.deepEqual(importsIntoFronts(graph, 'src/core', FRONTS), []);
  });
});

describe('import rules on a tree that breaks them', () => {
  function tree(files: Record<string, string>): string {
    const root = tempDir('imports');
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), text);
    }
    return root;
  }

  const root = tree({
    'src/core/a.ts': "import { b } from './b';\nexport const a = b;\n",
    'src/core/b.ts': "import type { A } from './c/index';\nexport { x as b } from '../extension/draft/x';\n",
    'src/core/c/index.ts': "export type A = typeof import('../a');\n",
    'src/core/self.ts': "export * from './self.js';\n",
    'src/extension/draft/x.ts': "import { open } from '../panel/service';\nimport {\n  other,\n} from '../handover/register';\nexport const x = open;\n",
    'src/extension/handover/register.ts': "const p = require('../panel/service');\nexport const other = p;\n",
    'src/extension/panel/service.ts': "import * as vscode from 'vscode';\nimport { gone } from './missing';\nexport const open = vscode;\n",
    'src/extension/extension.ts': "import './draft/x';\nimport './handover/register';\n",
  });
  const g = importGraph(root, 'src');

  it('finds each cycle, with the path that closes it', () => {
    assert.deepEqual(importCycles(g).sort(), ['src/core/a.ts → src/core/b.ts → src/core/c/index.ts → src/core/a.ts', 'src/core/self.ts → src/core/self.ts']);
  });

  it('finds a feature importing another feature, not the shared service or the shell', () => {
    assert.deepEqual(crossFeatureImports(g, 'src/extension', SHARED_SERVICES), ['src/extension/draft/x.ts → src/extension/handover/register.ts']);
    assert.deepEqual(crossFeatureImports(g, 'src/extension', []).sort(), [
      'src/extension/draft/x.ts → src/extension/handover/register.ts',
      'src/extension/draft/x.ts → src/extension/panel/service.ts',
      'src/extension/handover/register.ts → src/extension/panel/service.ts',
    ]);
  });

  it('finds core importing a front, and names an import of a missing file', () => {
    assert.deepEqual(importsIntoFronts(g, 'src/core', FRONTS), ['src/core/b.ts → src/extension/draft/x.ts']);
    assert.deepEqual(g.unresolved, ['src/extension/panel/service.ts → ./missing']);
  });
});
