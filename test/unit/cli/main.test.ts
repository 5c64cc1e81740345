import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildOnce, ROOT, runCli } from '../../support/cli';
import { tempDir } from '../../support/temp';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

/** Command names as listed by `client-pulse --help`. */
function listedCommands(help: string): string[] {
  const block = help.split('Commands:\n')[1]?.split('\n\n')[0] ?? '';
  return block
    .split('\n')
    .map((l) => /^ {2}(\S+)\s{2,}\S/.exec(l)?.[1])
    .filter((n): n is string => n !== undefined);
}

describe('cli: main (spawned process)', () => {
  before(function () {
    buildOnce();
  });

  it('--help lists every command with a summary and the exit codes, exit 0', () => {
    const r = runCli(['--help']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Usage: client-pulse <command>/);
    const names = listedCommands(r.stdout);
    assert.ok(names.includes('check'), r.stdout);
    assert.ok(names.includes('commitments'), r.stdout);
    assert.match(r.stdout, /Exit codes: 0 ok, 1 problems found, 2 usage error, 3 runtime error/);
    assert.equal(r.stderr, '');
  });

  it('every listed command has its own --help and -h (exit 0, starts with its usage line)', function () {
    this.timeout(120_000); // four processes per command: slow on a loaded machine, not a speed test
    const names = listedCommands(runCli(['--help']).stdout);
    assert.ok(names.length >= 2);
    for (const name of names) {
      for (const flag of ['--help', '-h']) {
        const r = runCli([name, flag]);
        assert.equal(r.code, 0, `${name} ${flag}: ${r.stderr}`);
        assert.match(r.stdout, new RegExp(`^Usage: client-pulse ${name}\\b`), `${name} ${flag}`);
        assert.equal(r.stderr, '');
      }
      assert.equal(runCli(['help', name]).stdout, runCli([name, '--help']).stdout);
    }
  });

  it('--version prints the package version', () => {
    for (const flag of ['--version', '-v']) {
      const r = runCli([flag]);
      assert.equal(r.code, 0);
      assert.equal(r.stdout, `${pkg.version}\n`);
    }
  });

  it('no command: usage on stderr, exit 2', () => {
    const r = runCli([]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^Usage: client-pulse/);
  });

  it('unknown command: one clear line naming it and the known commands, exit 2', () => {
    const r = runCli(['frobnicate']);
    assert.equal(r.code, 2);
    const first = r.stderr.split('\n')[0];
    assert.match(first, /^client-pulse: unknown command "frobnicate" \(commands: .*check.*\)$/);
  });

  it('a command or option one typo away: the one line names what was meant, without the usage text', () => {
    const command = runCli(['chek']);
    assert.equal(command.code, 2);
    assert.equal(command.stderr, 'client-pulse: unknown command "chek" — did you mean check? (client-pulse --help lists them all)\n');
    const option = runCli(['draft', '--clinet', 'Acme Retail']);
    assert.equal(option.code, 2);
    assert.equal(option.stderr, 'client-pulse draft: unknown option --clinet — did you mean --client? (--help lists them all)\n');
    const withValue = runCli(['commitments', '--clent=Acme']);
    assert.match(withValue.stderr, /^client-pulse commitments: unknown option --clent — did you mean --client\?/u);
    assert.equal(option.stdout + command.stdout, '');
  });

  it('unknown flag of a command: error line + that command\'s usage, exit 2', () => {
    for (const name of ['check', 'commitments']) {
      const r = runCli([name, '--frobnicate']);
      assert.equal(r.code, 2, `${name}: ${r.stderr}`);
      const [first, , usage] = r.stderr.split('\n');
      assert.equal(first.startsWith(`client-pulse ${name}: unknown option --frobnicate`), true, first);
      assert.match(usage, new RegExp(`^Usage: client-pulse ${name}\\b`));
      assert.equal(r.stdout, '');
    }
  });

  it('a string option without a value is a usage error', () => {
    const r = runCli(['commitments', '--client']);
    assert.equal(r.code, 2);
    assert.match(r.stderr.split('\n')[0], /option --client needs a value/);
  });

  it('CLIENT_PULSE_TODAY must be a real date: exit 2 with a clear message', () => {
    for (const bad of ['2026-13-45', '2026-02-30', 'tomorrow']) {
      const r = runCli(['commitments'], { env: { CLIENT_PULSE_TODAY: bad } });
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, /CLIENT_PULSE_TODAY must be a date YYYY-MM-DD/);
    }
  });

  it('--cwd to a folder that does not exist: exit 3; without a clients file: exit 3 with a hint', () => {
    const missing = runCli(['--cwd', path.join(os.tmpdir(), 'client-pulse-no-such-dir-' + process.pid), 'commitments']);
    assert.equal(missing.code, 3);
    assert.match(missing.stderr, /no such folder/);

    const empty = tempDir('cli-empty');
    try {
      for (const cmd of ['check', 'commitments']) {
        const r = runCli([cmd], { cwd: empty });
        assert.equal(r.code, 3, `${cmd}: ${r.stderr}`);
        assert.match(r.stderr, new RegExp(`^client-pulse ${cmd}: no \\.project[/\\\\]clients\\.md found in .* or any parent folder`));
        assert.equal(r.stderr.trimEnd().split('\n').length, 1, 'one line');
      }
      const r = runCli(['check', 'nope.md'], { cwd: empty });
      assert.equal(r.code, 3);
      assert.match(r.stderr, /clients file not found: .*nope\.md/);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
