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

describe('core words nothing for a person', () => {
  it('every error class of src/core carries a notice (extends NoticeError), and no warnings are strings', () => {
    const root = path.resolve(__dirname, '..', '..', 'src', 'core');
    const found: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.ts')) {
          const src = fs.readFileSync(p, 'utf8');
          const rel = path.relative(root, p);
          for (const m of src.matchAll(/class (\w+) extends (\w+)/gu)) if (m[2] === 'Error' && rel !== 'notices.ts') found.push(`${rel}: ${m[1]} extends Error`);
          for (const m of src.matchAll(/warnings: string\[\]/gu)) found.push(`${rel}: ${m[0]}`);
        }
      }
    };
    walk(root);
    assert.deepEqual(found, []);
  });
});
