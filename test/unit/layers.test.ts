/** The shared layers import nothing from the features above them (src/core/model.ts, calendar.ts). */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importGraph } from '../support/imports';

const ROOT = path.join(__dirname, '..', '..');

const graph = importGraph(ROOT, 'src');

/** The files under `dir` (a folder or one file). */
function sources(dir: string): string[] {
  return graph.files.filter((f) => f === dir || f.startsWith(`${dir}/`));
}

/** Repository-relative paths of the modules `file` imports (relative imports only). */
function importsOf(file: string): string[] {
  return (graph.imports.get(file) ?? []).map((i) => i.replace(/\.ts$/u, ''));
}

describe('layers: no arrow runs back up', () => {
  it('model, calendar, clients, git, l10n, records and export import nothing from draft or handover', () => {
    const shared = ['src/core/model.ts', 'src/core/calendar.ts', 'src/core/clients', 'src/core/git', 'src/core/l10n', 'src/core/records', 'src/core/export'];
    const files = shared.flatMap(sources);
    assert.ok(files.length > 20, `found ${files.length} files`);
    const up = files.flatMap((f) => importsOf(f).filter((i) => /^src\/core\/(draft|handover)\//u.test(i)).map((i) => `${f} → ${i}`));
    assert.deepEqual(up, []);
  });

  it('model.ts, notices.ts and calendar.ts import no other part of src (brand.ts, the leaf that keeps instanceof across bundles, aside)', () => {
    assert.deepEqual(importsOf('src/core/brand.ts'), [], 'src/core/brand.ts');
    for (const f of ['src/core/model.ts', 'src/core/notices.ts']) assert.deepEqual(importsOf(f).filter((i) => i !== 'src/core/brand'), [], f);
    for (const f of ['src/core/calendar.ts']) assert.deepEqual(importsOf(f).filter((i) => i !== 'src/core/model' && i !== 'src/core/notices' && i !== 'src/core/brand'), [], f);
  });

  it("the shell's config.ts does not depend on a feature folder", () => {
    const features = fs.readdirSync(path.join(ROOT, 'src/extension'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `src/extension/${e.name}/`);
    assert.ok(features.includes('src/extension/draft/'));
    assert.deepEqual(importsOf('src/extension/config.ts').filter((i) => features.some((f) => i.startsWith(f))), []);
  });
});
