/**
 * The atomic, verified writes (core/project/write) on real files: failures injected through the
 * write function, a real full disk (a 64 KiB tmpfs, when this process may mount one), read-only
 * files and disks, links that lead out of the workspace or into .git, long names.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { applyEdits, changeDueDate, markDone, markUndone } from '../../../src/core/clients/edits';
import { parseClients } from '../../../src/core/clients/parse';
import { saveHandover } from '../../../src/core/handover/store';
import { createFile, describeWriteError, probeReplace, replaceFile, restoreInPlace, WriteError, writeFile, type WriteBytes } from '../../../src/core/project/write';
import { saveRecord } from '../../../src/core/records/store';
import { tempDir } from '../../support/temp';

const CLIENTS = '# Acme Retail\n\nContact: Jane Doe <jane@acme.example>\n\n## Commitments\n- [ ] Loyalty beta due:2026-11-27 @alice\n- [ ] Checkout p95 under 2 s due:2026-12-04\n';

/** A writer that puts `keep` bytes on disk, then fails as the system would with `code`. */
function failingWrite(code: string, keep = 5): WriteBytes {
  return async (handle, data) => {
    await handle.write(data.subarray(0, Math.min(keep, data.length)));
    throw Object.assign(new Error(`${code}: injected`), { code });
  };
}

/** A writer that silently writes only part of the bytes (a lying disk). */
const shortWrite: WriteBytes = async (handle, data) => {
  await handle.write(data.subarray(0, Math.max(0, data.length - 3)));
};

function rejectsWith(problem: string): (e: unknown) => boolean {
  return (e) => {
    assert.ok(e instanceof WriteError, String(e));
    assert.equal(e.problem, problem, e.message);
    return true;
  };
}

const draft = {
  client: 'Acme Retail',
  language: 'en' as const,
  audience: 'client' as const,
  period: { since: '2026-11-16', until: '2026-11-20' },
  subject: 'Acme Retail: weekly update',
  to: [],
  cc: [],
  status: { status: 'on-track' as const, reasons: [], overridden: false },
  sections: [],
  markdown: 'Hello\n',
};

describe('project: atomic writes', () => {
  it('replaces the bytes, keeps the mode and leaves no temp file', async () => {
    const dir = tempDir('write');
    const file = path.join(dir, 'clients.md');
    fs.writeFileSync(file, CLIENTS, { mode: 0o640 });
    fs.chmodSync(file, 0o640);
    assert.equal(await replaceFile(file, 'new\n', { expected: new TextEncoder().encode(CLIENTS) }), file);
    assert.equal(fs.readFileSync(file, 'utf8'), 'new\n');
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(dir), ['clients.md']);
  });

  it('a write that fails half-way leaves the original untouched and nothing else', async () => {
    const dir = tempDir('write');
    const file = path.join(dir, 'clients.md');
    fs.writeFileSync(file, CLIENTS);
    await assert.rejects(replaceFile(file, CLIENTS.replace('- [ ]', '- [x]'), { write: failingWrite('ENOSPC') }), rejectsWith('disk-full'));
    assert.equal(fs.readFileSync(file, 'utf8'), CLIENTS);
    assert.deepEqual(fs.readdirSync(dir), ['clients.md']);
    // The message says what happened and that the file is as it was.
    await replaceFile(file, 'x', { write: failingWrite('ENOSPC') }).catch((e: WriteError) => {
      assert.equal(describeWriteError(e, (p) => path.basename(p)), 'The disk is full; clients.md was not changed. Free some space and try again.');
    });
  });

  it('bytes that do not read back as written never take the name', async () => {
    const dir = tempDir('write');
    const file = path.join(dir, 'clients.md');
    fs.writeFileSync(file, CLIENTS);
    await assert.rejects(replaceFile(file, 'new content\n', { write: shortWrite }), rejectsWith('not-verified'));
    assert.equal(fs.readFileSync(file, 'utf8'), CLIENTS);
    await assert.rejects(createFile(path.join(dir, 'record.md'), 'new content\n', { write: shortWrite }), rejectsWith('not-verified'));
    assert.deepEqual(fs.readdirSync(dir), ['clients.md']);
  });

  it('a change made meanwhile is not overwritten', async () => {
    const dir = tempDir('write');
    const file = path.join(dir, 'clients.md');
    fs.writeFileSync(file, `${CLIENTS}- [ ] typed by someone else\n`);
    await assert.rejects(replaceFile(file, 'mine\n', { expected: new TextEncoder().encode(CLIENTS) }), rejectsWith('changed'));
    assert.equal(fs.readFileSync(file, 'utf8'), `${CLIENTS}- [ ] typed by someone else\n`);
    assert.deepEqual(fs.readdirSync(dir), ['clients.md']);
  });

  it('a read-only file is not replaced (even by root, who could), and the message says so', async () => {
    const dir = tempDir('write');
    const file = path.join(dir, 'clients.md');
    fs.writeFileSync(file, CLIENTS);
    fs.chmodSync(file, 0o444);
    const e = await replaceFile(file, 'new\n').then(() => undefined, (x: unknown) => x);
    assert.ok(e instanceof WriteError && e.problem === 'read-only', String(e));
    assert.match(describeWriteError(e, (p) => path.basename(p)), /^clients\.md is read-only; it was not changed\. Make it writable/);
    assert.equal(fs.readFileSync(file, 'utf8'), CLIENTS);
    assert.deepEqual(fs.readdirSync(dir), ['clients.md']);
  });

  it('probeReplace finds a read-only file or a failing disk and changes nothing', async () => {
    const dir = tempDir('write');
    const file = path.join(dir, 'clients.md');
    fs.writeFileSync(file, CLIENTS);
    await probeReplace(file, `${CLIENTS}more\n`, { within: dir });
    await assert.rejects(probeReplace(file, 'x', { write: failingWrite('ENOSPC') }), rejectsWith('disk-full'));
    fs.chmodSync(file, 0o444);
    await assert.rejects(probeReplace(file, 'x'), rejectsWith('read-only'));
    assert.equal(fs.readFileSync(file, 'utf8'), CLIENTS);
    assert.deepEqual(fs.readdirSync(dir), ['clients.md']);
  });

  it('restoreInPlace puts the old bytes back into a file an editor cut short, never through a link', async () => {
    const dir = tempDir('write');
    const file = path.join(dir, 'clients.md');
    fs.writeFileSync(file, `${CLIENTS.slice(0, -20)}- [x] Loyalty bet`);
    assert.equal(await restoreInPlace(file, Buffer.from(CLIENTS)), true);
    assert.equal(fs.readFileSync(file, 'utf8'), CLIENTS);
    fs.writeFileSync(path.join(dir, 'target.md'), 'other\n');
    fs.symlinkSync(path.join(dir, 'target.md'), path.join(dir, 'link.md'));
    assert.equal(await restoreInPlace(path.join(dir, 'link.md'), Buffer.from(CLIENTS)), false);
    assert.equal(fs.readFileSync(path.join(dir, 'target.md'), 'utf8'), 'other\n');
    assert.equal(await restoreInPlace(path.join(dir, 'missing.md'), Buffer.from(CLIENTS)), false);
    assert.equal(fs.existsSync(path.join(dir, 'missing.md')), false);
  });

  it('a link at clients.md is followed to its file, which keeps being the link target', async () => {
    const dir = tempDir('write');
    fs.mkdirSync(path.join(dir, 'real'));
    fs.writeFileSync(path.join(dir, 'real', 'clients.md'), CLIENTS);
    fs.symlinkSync(path.join('real', 'clients.md'), path.join(dir, 'clients.md'));
    assert.equal(await replaceFile(path.join(dir, 'clients.md'), 'new\n', { within: dir }), path.join(dir, 'real', 'clients.md'));
    assert.ok(fs.lstatSync(path.join(dir, 'clients.md')).isSymbolicLink());
    assert.equal(fs.readFileSync(path.join(dir, 'real', 'clients.md'), 'utf8'), 'new\n');
  });

  it('a clients.md that links out of the workspace is not written', async () => {
    const outside = tempDir('outside');
    fs.writeFileSync(path.join(outside, 'clients.md'), CLIENTS);
    const ws = tempDir('ws');
    fs.mkdirSync(path.join(ws, '.project'));
    fs.symlinkSync(path.join(outside, 'clients.md'), path.join(ws, '.project', 'clients.md'));
    await assert.rejects(replaceFile(path.join(ws, '.project', 'clients.md'), 'new\n', { within: ws }), rejectsWith('outside-workspace'));
    assert.equal(fs.readFileSync(path.join(outside, 'clients.md'), 'utf8'), CLIENTS);
  });

  it('a missing file is not created by a replace', async () => {
    const dir = tempDir('write');
    await assert.rejects(replaceFile(path.join(dir, 'clients.md'), 'x'), rejectsWith('missing'));
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('writeFile (an output the user named) replaces or creates, atomically', async () => {
    const dir = tempDir('write');
    const file = path.join(dir, 'out.eml');
    await writeFile(file, 'one');
    await writeFile(file, 'two');
    assert.equal(fs.readFileSync(file, 'utf8'), 'two');
    await assert.rejects(writeFile(file, 'three', { write: failingWrite('EIO') }), rejectsWith('failed'));
    assert.equal(fs.readFileSync(file, 'utf8'), 'two');
    fs.symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'dangling.eml'));
    await assert.rejects(writeFile(path.join(dir, 'dangling.eml'), 'x'), rejectsWith('not-a-file'));
    assert.equal(fs.existsSync(path.join(dir, 'nowhere')), false);
  });
});

describe('project: creating files inside the workspace', () => {
  it('creates exclusively: an existing name (file, link, dangling link) is never written', async () => {
    const ws = tempDir('ws');
    const file = path.join(ws, '.project', 'updates', 'a.md');
    assert.equal(await createFile(file, 'first\n', { within: ws }), file);
    assert.equal(await createFile(file, 'second\n', { within: ws }), undefined);
    assert.equal(fs.readFileSync(file, 'utf8'), 'first\n');
    fs.symlinkSync(path.join(ws, 'target.md'), path.join(ws, '.project', 'updates', 'b.md'));
    assert.equal(await createFile(path.join(ws, '.project', 'updates', 'b.md'), 'x', { within: ws }), undefined);
    assert.equal(fs.existsSync(path.join(ws, 'target.md')), false);
    assert.deepEqual(fs.readdirSync(path.join(ws, '.project', 'updates')).sort(), ['a.md', 'b.md']);
  });

  it('a failed create leaves no file, not even an empty one', async () => {
    const ws = tempDir('ws');
    const dir = path.join(ws, '.project', 'updates');
    await assert.rejects(saveRecord(dir, draft, { sent: '2026-11-20' }, { within: ws, write: failingWrite('ENOSPC', 0) }), rejectsWith('disk-full'));
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('a symlinked .project/updates that leads out of the workspace is refused: nothing written there', async () => {
    const outside = tempDir('outside');
    const ws = tempDir('ws');
    fs.mkdirSync(path.join(ws, '.project'));
    fs.symlinkSync(outside, path.join(ws, '.project', 'updates'));
    const e = await saveRecord(path.join(ws, '.project', 'updates'), draft, { sent: '2026-11-20' }, { within: ws }).then(() => undefined, (x: unknown) => x);
    assert.ok(e instanceof WriteError && e.problem === 'outside-workspace', String(e));
    assert.equal(e.via?.real, fs.realpathSync(outside));
    assert.match(describeWriteError(e, (p) => path.relative(ws, p)), /was not saved: \.project\/updates leads to .*, outside the workspace folder/);
    assert.deepEqual(fs.readdirSync(outside), []);
    // The handover save and its sub-folders are held to the same rule.
    fs.symlinkSync(outside, path.join(ws, '.project', 'handover'));
    await assert.rejects(saveHandover(path.join(ws, '.project', 'handover', 'deeper'), '2026-11-20', 'Alice', '# x\n', { within: ws }), rejectsWith('outside-workspace'));
    assert.deepEqual(fs.readdirSync(outside), []);
  });

  it('a link to a folder inside the workspace is followed, and the real path is reported', async () => {
    const ws = tempDir('ws');
    fs.mkdirSync(path.join(ws, 'records'));
    fs.mkdirSync(path.join(ws, '.project'));
    fs.symlinkSync(path.join('..', 'records'), path.join(ws, '.project', 'updates'));
    const saved = await saveRecord(path.join(ws, '.project', 'updates'), draft, { sent: '2026-11-20' }, { within: ws });
    assert.equal(saved, path.join(ws, 'records', '2026-11-20-acme-retail.md'));
  });

  it('nothing is written into .git, by name or through a link', async () => {
    const ws = tempDir('ws');
    fs.mkdirSync(path.join(ws, '.git'));
    await assert.rejects(createFile(path.join(ws, '.git', 'hooks', 'post-commit'), '#!/bin/sh\n', { within: ws }), rejectsWith('inside-git'));
    fs.mkdirSync(path.join(ws, '.project'));
    fs.symlinkSync(path.join(ws, '.git'), path.join(ws, '.project', 'updates'));
    await assert.rejects(saveRecord(path.join(ws, '.project', 'updates'), draft, { sent: '2026-11-20' }, { within: ws }), rejectsWith('inside-git'));
    assert.deepEqual(fs.readdirSync(path.join(ws, '.git')), []);
  });

  it('a path outside the workspace is refused when the workspace is given', async () => {
    const ws = tempDir('ws');
    const other = tempDir('other');
    await assert.rejects(createFile(path.join(other, 'x.md'), 'x', { within: ws }), rejectsWith('outside-workspace'));
    assert.deepEqual(fs.readdirSync(other), []);
  });

  it('a name too long for the disk is worded, not ENAMETOOLONG', async () => {
    const ws = tempDir('ws');
    const e = await createFile(path.join(ws, `${'星'.repeat(100)}.md`), 'x', { within: ws }).then(() => undefined, (x: unknown) => x);
    assert.ok(e instanceof WriteError && e.problem === 'name-too-long', String(e));
    assert.match(e.message, /is too long for this disk; .* was not saved\. Choose a shorter name\./);
    assert.deepEqual(fs.readdirSync(ws), []);
  });
});

/** Mounts a tmpfs of `size` at a new folder, or says why it cannot (not root, no mount in this container). */
function mountTmpfs(size: string): { dir: string; unmount(): void } | string {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return 'not root, so no tmpfs can be mounted';
  const dir = tempDir('tmpfs');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (e) {
    return `mount -t tmpfs failed: ${String((e as { stderr?: Buffer }).stderr ?? e).trim()}`;
  }
  return { dir, unmount: () => execFileSync('umount', [dir], { stdio: 'pipe' }) };
}

/** Fills the file system of `dir` until a write fails (ENOSPC). */
function fill(dir: string): void {
  const fd = fs.openSync(path.join(dir, 'filler'), 'w');
  const chunk = Buffer.alloc(4096, 0x61);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
  } finally {
    fs.closeSync(fd);
  }
}

describe('project: a real full disk and a read-only disk (tmpfs)', function () {
  let disk: { dir: string; unmount(): void } | undefined;
  before(function () {
    const mounted = mountTmpfs('64k');
    if (typeof mounted === 'string') {
      console.log(`      skipped: ${mounted}`);
      this.skip();
    }
    disk = mounted;
  });
  after(() => disk?.unmount());

  it('ticking on a full disk: the disk is full, clients.md keeps every byte, no record left at 0 bytes', async () => {
    assert.ok(disk);
    const ws = path.join(disk.dir, 'ws');
    fs.mkdirSync(path.join(ws, '.project', 'updates'), { recursive: true });
    const file = path.join(ws, '.project', 'clients.md');
    const big = CLIENTS + '- [ ] filler line to make the file span several pages\n'.repeat(200);
    fs.writeFileSync(file, big);
    fill(disk.dir);
    const c = parseClients(big).clients[0].commitments[0];
    const ticked = applyEdits(big, markDone(big, c, '2026-11-20'));
    const e = await replaceFile(file, ticked, { within: ws, expected: Buffer.from(big) }).then(() => undefined, (x: unknown) => x);
    assert.ok(e instanceof WriteError && e.problem === 'disk-full', String(e));
    assert.equal(describeWriteError(e, (p) => path.basename(p)), 'The disk is full; clients.md was not changed. Free some space and try again.');
    assert.equal(fs.readFileSync(file, 'utf8'), big);
    assert.deepEqual(fs.readdirSync(path.join(ws, '.project')).sort(), ['clients.md', 'updates']);
    // The check before an editor's in-place save finds it too.
    await assert.rejects(probeReplace(file, ticked, { within: ws }), rejectsWith('disk-full'));
    assert.deepEqual(fs.readdirSync(path.join(ws, '.project')).sort(), ['clients.md', 'updates']);
    await assert.rejects(saveRecord(path.join(ws, '.project', 'updates'), { ...draft, markdown: 'x'.repeat(20_000) }, { sent: '2026-11-20' }, { within: ws }), rejectsWith('disk-full'));
    assert.deepEqual(fs.readdirSync(path.join(ws, '.project', 'updates')), []);
    // Once there is room again the same tick goes through.
    fs.rmSync(path.join(disk.dir, 'filler'));
    await replaceFile(file, ticked, { within: ws, expected: Buffer.from(big) });
    assert.equal(fs.readFileSync(file, 'utf8'), ticked);
  });

  it('a read-only disk: worded as such, nothing changed', async () => {
    assert.ok(disk);
    const file = path.join(disk.dir, 'clients.md');
    fs.writeFileSync(file, CLIENTS);
    execFileSync('mount', ['-o', 'remount,ro', disk.dir], { stdio: 'pipe' });
    try {
      await assert.rejects(replaceFile(file, 'new\n'), rejectsWith('read-only-disk'));
      await assert.rejects(createFile(path.join(disk.dir, 'r.md'), 'x'), rejectsWith('read-only-disk'));
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', disk.dir], { stdio: 'pipe' });
    }
    assert.equal(fs.readFileSync(file, 'utf8'), CLIENTS);
  });
});

describe('project: writes under random failures (fast-check)', () => {
  const item = fc.tuple(
    fc.constantFrom('- [ ] ', '- [x] ', '* [ ] ', '1. [ ] '),
    fc.constantFrom('Loyalty beta', '课程上线', 'Checkout 🎉', 'API v2'),
    fc.option(fc.constantFrom('due:2026-11-27', 'due:2026-12-04', '📅 2027-01-15'), { nil: undefined }),
    fc.option(fc.constantFrom('@alice', '@王伟'), { nil: undefined }),
  ).map(([box, title, due, owner]) => [box + title, due, owner].filter(Boolean).join(' '));
  const file = fc.tuple(fc.boolean(), fc.constantFrom('\n', '\r\n'), fc.array(item, { minLength: 1, maxLength: 8 }))
    .map(([bom, eol, items]) => (bom ? '\uFEFF' : '') + ['# Acme 零售', '', 'Language: en', '', '## Commitments', ...items, ''].join(eol));
  const op = fc.record({
    kind: fc.constantFrom('tick', 'untick', 'due'),
    index: fc.nat(20),
    due: fc.constantFrom('2026-12-24', '2027-02-28', '2026-11-30'),
    /** Undefined: the write succeeds; else how it fails. */
    failure: fc.option(fc.record({ code: fc.constantFrom('ENOSPC', 'EIO', 'EDQUOT', 'short'), keep: fc.nat(400) }), { nil: undefined, freq: 2 }),
  });

  it('any sequence of ticks, unticks and due-date changes leaves the old bytes or the new ones, never anything else', async () => {
    const dir = tempDir('prop');
    let run = 0;
    await fc.assert(fc.asyncProperty(file, fc.array(op, { minLength: 1, maxLength: 12 }), async (initial, ops) => {
      const target = path.join(dir, `clients-${++run}.md`);
      fs.writeFileSync(target, initial);
      let current = initial;
      for (const o of ops) {
        const commitments = parseClients(current).clients.flatMap((c) => c.commitments);
        if (commitments.length === 0) break;
        const c = commitments[o.index % commitments.length];
        const edits = o.kind === 'tick' ? (c.done ? [] : markDone(current, c, '2026-11-20')) : o.kind === 'untick' ? (c.done ? markUndone(current, c) : []) : changeDueDate(current, c, o.due);
        const next = applyEdits(current, edits);
        const f = o.failure;
        const write: WriteBytes | undefined = f === undefined ? undefined : f.code === 'short'
          ? async (h, data) => { await h.write(data.subarray(0, Math.min(f.keep, Math.max(0, data.length - 1)))); }
          : failingWrite(f.code, f.keep);
        const ok = await replaceFile(target, next, { write, expected: new TextEncoder().encode(current) }).then(() => true, (e: unknown) => {
          assert.ok(e instanceof WriteError, String(e));
          return false;
        });
        const onDisk = fs.readFileSync(target, 'utf8');
        assert.ok(onDisk === current || onDisk === next, 'the file holds the old or the new bytes');
        assert.equal(onDisk, ok ? next : current, ok ? 'a write that resolved is on disk' : 'a write that failed changed nothing');
        assert.equal(ok, f === undefined, 'every injected failure (a short write too) is reported');
        current = onDisk;
      }
      assert.deepEqual(fs.readdirSync(dir).filter((n) => !n.startsWith('clients-')), [], 'no temp file is left');
    }), { numRuns: 150 });
  });
});
