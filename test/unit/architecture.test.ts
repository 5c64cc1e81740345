/** Rules about the layers (docs/architecture.md) that the type checker cannot see. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

describe('core never imports vscode', () => {
  it('no file under src/core imports or requires "vscode"', () => {
    const root = path.resolve(__dirname, '..', '..', 'src', 'core');
    const offenders: string[] = [];
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(ts|tsx|js|mjs|cjs)$/.test(e.name)) files.push(p);
      }
    };
    walk(root);
    assert.ok(files.length > 10, 'src/core scanned');
    for (const p of files) {
      const src = fs.readFileSync(p, 'utf8');
      if (/(from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]vscode['"]/.test(src)) offenders.push(path.relative(root, p));
    }
    assert.deepEqual(offenders, []);
  });
});
