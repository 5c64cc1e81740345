import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { parseClients } from '../../../src/core/clients/parse';
import { buildOnce, ROOT, runCli } from '../../support/cli';
import { tempDir } from '../../support/temp';

const TEN = path.join(ROOT, 'test', 'unit', 'clients', 'fixtures', 'ten-mistakes.md');
const LINE = /^(.+):(\d+):(\d+): (error|warning|info): (.+) \[([a-z0-9-]+)\]$/;

interface Reported {
  file: string;
  line: number;
  col: number;
  severity: string;
  message: string;
  code: string;
}

function reported(stdout: string): Reported[] {
  return stdout
    .split('\n')
    .filter((l) => LINE.test(l))
    .map((l) => {
      const m = LINE.exec(l)!;
      return { file: m[1], line: Number(m[2]), col: Number(m[3]), severity: m[4], message: m[5], code: m[6] };
    });
}

describe('cli: check (spawned process)', () => {
  before(function () {
    buildOnce();
  });

  it('ten-mistakes.md: all ten problems with 1-based line:col, sorted, summary, exit 1', () => {
    const text = fs.readFileSync(TEN, 'utf8');
    const r = runCli(['check', TEN]);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const rows = reported(r.stdout);
    const expected = [...parseClients(text).diagnostics]
      .sort((a, b) => a.span.startLine - b.span.startLine || a.span.startColumn - b.span.startColumn)
      .map((d) => ({ file: TEN, line: d.span.startLine + 1, col: d.span.startColumn + 1, severity: d.severity, message: d.message, code: d.code }));
    assert.deepEqual(rows, expected);
    assert.ok(new Set(rows.map((x) => x.code)).size >= 10, `ten different mistakes, got: ${rows.map((x) => x.code).join(', ')}`);
    const lines = text.split(/\r?\n/);
    for (const row of rows) {
      assert.ok(row.line >= 1 && row.line <= lines.length, `line ${row.line} exists`);
      assert.ok(row.col >= 1 && row.col <= lines[row.line - 1].length + 1, `column ${row.col} is on line ${row.line}`);
    }
    const errors = rows.filter((x) => x.severity === 'error').length;
    const warnings = rows.filter((x) => x.severity === 'warning').length;
    const last = r.stdout.trimEnd().split('\n').at(-1) ?? '';
    assert.match(last, new RegExp(`: ${errors} errors?, ${warnings} warnings?`));
    assert.equal(r.stdout.trimEnd().split('\n').length, rows.length + 1, 'only problem lines and the summary');
  });

  it('a relative path is printed as given (relative to the working folder)', () => {
    const r = runCli(['check', path.relative(ROOT, TEN)]);
    assert.equal(r.code, 1);
    assert.ok(reported(r.stdout).every((x) => x.file === path.relative(ROOT, TEN)));
  });

  it('a clean file: "no problems", exit 0; warnings only: exit 0; --quiet prints only errors', () => {
    const dir = tempDir('check');
    try {
      fs.mkdirSync(path.join(dir, '.project'));
      const file = path.join(dir, '.project', 'clients.md');
      fs.writeFileSync(file, '# Acme Retail\n\nLanguage: en\n\n## Commitments\n- [ ] Beta due:2026-12-04 @alice #beta\n');
      const clean = runCli(['check'], { cwd: dir });
      assert.equal(clean.code, 0, clean.stdout + clean.stderr);
      assert.equal(clean.stdout, `${path.join('.project', 'clients.md')}: no problems (1 client)\n`);

      fs.writeFileSync(file, '# Acme Retail\n\n## Roadmap\n- something\n');
      const warned = runCli(['check'], { cwd: dir });
      assert.equal(warned.code, 0, warned.stdout);
      assert.match(warned.stdout, /^\.project[/\\]clients\.md:3:1: warning: .+ \[unknown-section\]$/m);
      assert.equal(runCli(['check', '--quiet'], { cwd: dir }).stdout, '');

      fs.writeFileSync(file, '# Acme Retail\n\n## Commitments\n- [ ] Beta due:2026-13-45\n');
      const broken = runCli(['check', '-q'], { cwd: dir });
      assert.equal(broken.code, 1);
      assert.match(broken.stdout, /^\.project[/\\]clients\.md:4:\d+: error: .+ \[invalid-date\]\n$/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a file that is not UTF-8 is refused with what to do (exit 3); a UTF-8 BOM is fine', () => {
    const dir = tempDir('enc');
    try {
      const text = '# Café Lumière\n\nLanguage: en\n\n## Commitments\n- [ ] Menu due:2026-12-04 @alice\n';
      const write = (name: string, bytes: Buffer) => (fs.writeFileSync(path.join(dir, name), bytes), path.join(dir, name));
      const latin1 = runCli(['check', write('latin1.md', Buffer.from(text, 'latin1'))]);
      assert.equal(latin1.code, 3, latin1.stdout);
      assert.match(latin1.stderr, /latin1\.md is not valid UTF-8 \(first at line 1\); save it as UTF-8/);
      const utf16 = runCli(['check', write('utf16.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))]);
      assert.equal(utf16.code, 3);
      assert.match(utf16.stderr, /utf16\.md is UTF-16; save it as UTF-8/);
      const bom = runCli(['check', write('bom.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))]);
      assert.equal(bom.code, 0, bom.stdout + bom.stderr);
      assert.match(bom.stdout, /no problems \(1 client\)/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('two files is a usage error (exit 2)', () => {
    const r = runCli(['check', 'a.md', 'b.md']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^client-pulse check: unexpected argument: "b\.md"/);
  });
});
