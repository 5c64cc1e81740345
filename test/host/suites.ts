/**
 * What both extension-host runners need: the integration suites compiled to
 * out/test/integration, and the workspaces they run in (the demo agency repository with a fixed
 * today; an untrusted copy of it for Restricted Mode; a folder without a clients file for the
 * lazy-activation suite).
 */
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeDemo } from '../support/demo';
import { ROOT } from './workbench';

export const TODAY = '2026-11-20'; // a Friday: the demo's history and "this week" are fixed by it
export const OUT = path.join(ROOT, 'out', 'test', 'integration');
export const INDEX = path.join(OUT, 'index.js');
const SOURCES = path.join(ROOT, 'test', 'integration');

/** Compiles test/integration/*.ts, one CommonJS file each (`vscode` and `mocha` stay external). */
export async function compileSuites(): Promise<void> {
  fs.rmSync(OUT, { recursive: true, force: true });
  const entryPoints = fs.readdirSync(SOURCES).filter((f) => f.endsWith('.ts')).map((f) => path.join(SOURCES, f));
  await esbuild.build({ entryPoints, outdir: OUT, bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: 'inline', external: ['vscode', 'mocha'], logLevel: 'warning' });
}

export interface SuiteRun {
  /** The workspace folder (or .code-workspace file) opened for this run. */
  folder: string;
  /** Value of CLIENT_PULSE_SUITE: the suites that run in this folder. */
  suites: string;
  /** Opened untrusted (Restricted Mode), with every git run recorded (see gitTrap). */
  untrusted?: boolean;
}

/**
 * Records every git run from the extension host: `GIT_TRACE` names a file that each git process
 * appends a trace line to (a `git` wrapper on PATH would not do: the VS Code server takes PATH
 * from the user's login shell). Returns the environment to add; the file is CLIENT_PULSE_GIT_TRAP.
 */
export function gitTrap(tmp: string): Record<string, string> {
  fs.mkdirSync(tmp, { recursive: true });
  const log = path.join(tmp, 'git-trace.log');
  return { GIT_TRACE: log, CLIENT_PULSE_GIT_TRAP: log };
}

/** A .code-workspace with a copy of the demo and a second repository holding one client. */
function multiRoot(tmp: string): string {
  const dir = path.join(tmp, 'multi');
  const agency = path.join(dir, 'agency');
  writeDemo(agency, TODAY);
  const globex = path.join(dir, 'globex');
  fs.mkdirSync(path.join(globex, '.project'), { recursive: true });
  fs.writeFileSync(
    path.join(globex, '.project', 'clients.md'),
    '# Globex\n\nContact: Hank Scorpio <hank@globex.example> (CEO)\nLanguage: en\n\n## Commitments\n- [ ] Quarterly report due:2026-11-30 @bob #report\n- [ ] Hammock district map due:2026-12-10 @bob #map\n',
  );
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Bob', GIT_AUTHOR_EMAIL: 'bob@agency.example', GIT_COMMITTER_NAME: 'Bob', GIT_COMMITTER_EMAIL: 'bob@agency.example', GIT_AUTHOR_DATE: `${TODAY}T09:00:00Z`, GIT_COMMITTER_DATE: `${TODAY}T09:00:00Z` };
  for (const args of [['init', '-q', '-b', 'main'], ['add', '.'], ['commit', '-q', '-m', 'feat(report): first quarterly report #report']]) execFileSync('git', args, { cwd: globex, env });
  const file = path.join(dir, 'multi.code-workspace');
  fs.writeFileSync(file, JSON.stringify({ folders: [{ path: 'agency' }, { path: 'globex' }] }, null, 2));
  return file;
}

/**
 * Creates the workspaces under `tmp` and says which suites run in which. With `only`
 * (CLIENT_PULSE_SUITE), runs keep just those suites and runs left empty are dropped.
 */
export function prepareRuns(tmp: string, only?: string): SuiteRun[] {
  const all = fs.readdirSync(SOURCES).filter((f) => f.endsWith('.test.ts')).map((f) => f.slice(0, -'.test.ts'.length));
  const empty = path.join(tmp, 'empty');
  fs.mkdirSync(empty, { recursive: true });
  fs.writeFileSync(path.join(empty, 'README.md'), '# A project without a clients file\n');
  const demo = path.join(tmp, 'demo');
  writeDemo(demo, TODAY);
  const untrusted = path.join(tmp, 'untrusted');
  writeDemo(untrusted, TODAY);
  const own = ['lazy', 'restricted', 'multiroot'];
  const runs = [
    { folder: empty, suites: ['lazy'] },
    { folder: untrusted, suites: ['restricted'], untrusted: true },
    { folder: multiRoot(tmp), suites: ['multiroot'] },
    { folder: demo, suites: all.filter((s) => !own.includes(s)) },
  ];
  const wanted = only?.split(',').map((s) => s.trim());
  return runs
    .map((r) => ({ ...r, suites: wanted ? r.suites.filter((s) => wanted.includes(s)) : r.suites }))
    .filter((r) => r.suites.length > 0)
    .map((r) => ({ ...r, suites: r.suites.join(',') }));
}
