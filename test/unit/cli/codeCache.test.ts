/**
 * The CLI bundle's code cache on Node before 22.1 (src/cli/codeCache.ts), through the built bin as
 * a real process with its own temp folder: made on the first run, used and left alone on the next,
 * replaced when V8 refuses it, and never used from a folder others may write to.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as nodeModule from 'node:module';
import { buildOnce, runCli } from '../../support/cli';
import { cacheFolder } from '../../../src/cli/codeCache';

const hasNodeCompileCache = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';

describe('CLI: code cache of the bundle', function () {
  this.timeout(60_000);
  let tmp: string;
  before(() => buildOnce());
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-codecache-'));
    fs.writeFileSync(path.join(tmp, 'clients.md'), '# Acme Retail\n\nContact: Jane Doe <jane@acme.example>\n\n## Commitments\n\n- [ ] Loyalty app beta due:2026-12-08\n');
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const folder = () => path.join(tmp, `client-pulse-code-cache-${process.getuid?.() ?? ''}`);
  const cacheFiles = () => (fs.existsSync(folder()) ? fs.readdirSync(folder()) : []);
  // `check` of a small clients file: a command that loads the bundle and parses the file.
  const run = (env: Record<string, string> = {}, args = ['check', path.join(tmp, 'clients.md')]) => runCli(args, { env: { TMPDIR: tmp, TEMP: tmp, TMP: tmp, ...env } });

  it('is written by the first run, read by the next, and the output is the same', function () {
    // Node 22.1+: Node's own compile cache is used instead; Windows: no cache (no user ids to check).
    if (hasNodeCompileCache || typeof process.getuid !== 'function') this.skip();
    const first = run();
    assert.equal(first.code, 0, first.stderr);
    const files = cacheFiles();
    assert.equal(files.length, 1, `one cache file: ${files.join(', ')}`);
    assert.match(files[0], /^cli-main-.*\.bin$/);
    const file = path.join(folder(), files[0]);
    const size = fs.statSync(file).size;
    assert.ok(size > 10_000, `the cache holds compiled code (${size} bytes)`);
    const before = fs.statSync(file).mtimeMs;
    const second = run();
    assert.equal(second.code, 0, second.stderr);
    assert.equal(second.stdout, first.stdout);
    assert.equal(fs.statSync(file).mtimeMs, before, 'an accepted cache is not rewritten');
    assert.deepEqual(cacheFiles(), files, 'no temporary file left behind');
  });

  it('is not written by a run that only prints help (it would hold little of what a command runs)', function () {
    if (hasNodeCompileCache || typeof process.getuid !== 'function') this.skip();
    const help = run({}, ['draft', '--help']);
    assert.equal(help.code, 0, help.stderr);
    assert.match(help.stdout, /^Usage: client-pulse draft/u);
    assert.deepEqual(cacheFiles(), []);
    assert.equal(run().code, 0);
    assert.equal(cacheFiles().length, 1);
  });

  it('replaces a cache V8 refuses, and the run is not affected', function () {
    if (hasNodeCompileCache || typeof process.getuid !== 'function') this.skip();
    const good = run();
    const file = path.join(folder(), cacheFiles()[0]);
    fs.writeFileSync(file, Buffer.alloc(4096, 7));
    const again = run();
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stdout, good.stdout);
    assert.notDeepEqual(fs.readFileSync(file).subarray(0, 64), Buffer.alloc(64, 7), 'rewritten with real data');
  });

  it('removes the cache of an earlier build when it writes a new one', function () {
    if (hasNodeCompileCache || typeof process.getuid !== 'function') this.skip();
    fs.mkdirSync(folder(), { mode: 0o700 });
    const stale = path.join(folder(), 'cli-main-0.0.1-old.bin');
    const other = path.join(folder(), 'other-tool.bin');
    fs.writeFileSync(stale, 'old');
    fs.writeFileSync(other, 'kept');
    assert.equal(run().code, 0);
    assert.equal(fs.existsSync(stale), false);
    assert.equal(fs.existsSync(other), true);
    assert.equal(cacheFiles().filter((f) => f.startsWith('cli-main-')).length, 1);
  });

  it('is not used, and not written, when turned off or when others may write to its folder', function () {
    if (hasNodeCompileCache) this.skip();
    const off = run({ CLIENT_PULSE_CODE_CACHE: '0' });
    assert.equal(off.code, 0, off.stderr);
    assert.deepEqual(cacheFiles(), []);
    if (typeof process.getuid !== 'function') return;
    fs.mkdirSync(folder(), { mode: 0o777 });
    fs.chmodSync(folder(), 0o777);
    const open = run();
    assert.equal(open.code, 0, open.stderr);
    assert.equal(open.stdout, off.stdout);
    assert.deepEqual(cacheFiles(), [], 'nothing written to a world-writable folder');
  });

  it('cacheFolder: made private when missing; refused when it is a link or writable by others', function () {
    if (typeof process.getuid !== 'function') this.skip();
    const dir = cacheFolder(tmp);
    assert.equal(dir, folder());
    assert.equal(fs.statSync(folder()).mode & 0o777, 0o700);
    fs.chmodSync(folder(), 0o775);
    assert.equal(cacheFolder(tmp), undefined);
    fs.rmSync(folder(), { recursive: true });
    const elsewhere = fs.mkdtempSync(path.join(tmp, 'elsewhere-'));
    fs.symlinkSync(elsewhere, folder());
    assert.equal(cacheFolder(tmp), undefined);
  });
});
