import assert from 'node:assert/strict';
import { badDate, parseCommandArgs } from '../../../src/cli/args';
import { ExitCode, UsageError, useColour, type CliIo, type Command } from '../../../src/cli/command';
import { resolveToday } from '../../../src/cli/io';
import { extractCwd, mainUsage, runCli } from '../../../src/cli/main';

function memoryIo(env: Record<string, string | undefined> = {}, isTTY = false): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: { write: (t) => void out.push(t), isTTY },
    stderr: { write: (t) => void err.push(t), isTTY },
    cwd: process.cwd(),
    env,
    today: '2026-11-20',
  };
}

describe('cli framework (in process)', () => {
  it('parseCommandArgs: unknown option, missing value, extra positionals become UsageError with a clear message', () => {
    const opts = { client: { type: 'string', short: 'c' }, json: { type: 'boolean' } } as const;
    assert.deepEqual({ ...parseCommandArgs(['-c', 'Acme', '--json', 'f.md'], opts, 1).values }, { client: 'Acme', json: true });
    assert.throws(() => parseCommandArgs(['--nope'], opts), (e: unknown) => e instanceof UsageError && /^unknown option --nope \(known: --client, --json\)$/.test(e.message));
    assert.throws(() => parseCommandArgs(['--client'], opts), (e: unknown) => e instanceof UsageError && e.message === 'option --client needs a value');
    assert.throws(() => parseCommandArgs(['a.md', 'b.md'], opts, 1), (e: unknown) => e instanceof UsageError && e.message === 'unexpected argument: "b.md"');
    assert.throws(() => parseCommandArgs(['x'], opts), (e: unknown) => e instanceof UsageError && /unexpected argument/.test(e.message));
    assert.deepEqual(parseCommandArgs(['--', '--json'], opts, 1).positionals, ['--json'], 'after -- everything is positional');
  });

  it('badDate says why a well-formed date is impossible, else what is accepted', () => {
    assert.equal(badDate('--since', '2026-13-01'), '--since: 2026-13-01 is not a real date (month must be 01–12)');
    assert.equal(badDate('--until', '2026-02-30'), '--until: 2026-02-30 is not a real date (day must be 01–28 in 2026-02)');
    assert.equal(badDate('--since', 'yesterday', 'YYYY-MM-DD or this-week'), '--since must be YYYY-MM-DD or this-week; got "yesterday"');
  });

  it('resolveToday: CLIENT_PULSE_TODAY wins, else the local calendar date', () => {
    assert.equal(resolveToday({ CLIENT_PULSE_TODAY: '2027-01-02' }), '2027-01-02');
    assert.equal(resolveToday({}, new Date(2026, 10, 5, 23, 59)), '2026-11-05');
    assert.throws(() => resolveToday({ CLIENT_PULSE_TODAY: '2026-02-30' }), (e: unknown) => e instanceof UsageError && /CLIENT_PULSE_TODAY must be a date YYYY-MM-DD, got "2026-02-30" \(day must be 01–28 in 2026-02\)/.test(e.message));
  });

  it('useColour: only on a terminal and only when NO_COLOR is unset or empty', () => {
    assert.equal(useColour(memoryIo({}, true)), true);
    assert.equal(useColour(memoryIo({}, false)), false);
    assert.equal(useColour(memoryIo({ NO_COLOR: '1' }, true)), false);
    assert.equal(useColour(memoryIo({ NO_COLOR: '' }, true)), true);
  });

  describe('main', () => {

    it('extractCwd takes -C/--cwd from anywhere before --', () => {
      assert.deepEqual(extractCwd(['-C', 'x', 'check']), { args: ['check'], cwd: 'x' });
      assert.deepEqual(extractCwd(['check', '--cwd=y', 'f.md']), { args: ['check', 'f.md'], cwd: 'y' });
      assert.deepEqual(extractCwd(['check', '--', '--cwd', 'z']), { args: ['check', '--', '--cwd', 'z'], cwd: undefined });
      assert.throws(() => extractCwd(['check', '--cwd']), UsageError);
    });

    it('runCli maps UsageError → 2 (+usage), runtime errors → 3 (one line), return codes pass through', async () => {
      const calls: string[][] = [];
      const demo: Command = {
        name: 'demo',
        summary: 'A demo command',
        usage: 'Usage: client-pulse demo\n',
        async run(args) {
          calls.push(args);
          if (args[0] === 'usage') throw new UsageError('bad flag');
          if (args[0] === 'quiet-usage') throw new UsageError('no such client', { showUsage: false });
          if (args[0] === 'boom') throw new Error('disk on fire');
          return args[0] === 'problems' ? ExitCode.problems : ExitCode.ok;
        },
      };
      const run = async (argv: string[]) => {
        const io = memoryIo();
        const code = await runCli(argv, () => io, [demo]);
        return { code, out: io.out.join(''), err: io.err.join('') };
      };
      assert.deepEqual(await run(['demo', 'a', 'b']), { code: 0, out: '', err: '' });
      assert.deepEqual(calls.at(-1), ['a', 'b']);
      assert.equal((await run(['demo', 'problems'])).code, 1);
      assert.deepEqual(await run(['demo', 'usage']), { code: 2, out: '', err: 'client-pulse demo: bad flag\n\nUsage: client-pulse demo\n' });
      assert.deepEqual(await run(['demo', 'quiet-usage']), { code: 2, out: '', err: 'client-pulse demo: no such client\n' });
      assert.deepEqual(await run(['demo', 'boom']), { code: 3, out: '', err: 'client-pulse demo: unexpected error: disk on fire\n' });
      const callsBefore = calls.length;
      assert.deepEqual(await run(['demo', 'x', '--help']), { code: 0, out: 'Usage: client-pulse demo\n', err: '' });
      assert.equal(calls.length, callsBefore, '--help does not run the command');
      assert.equal((await run(['demo', '--', '--help'])).code, 0);
      assert.deepEqual(calls.at(-1), ['--', '--help'], 'after -- a --help belongs to the command');
      assert.match(mainUsage([demo]), /^ {2}demo {6}A demo command$/m);
    });
  });
});
