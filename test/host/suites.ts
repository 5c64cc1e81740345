/**
 * What both extension-host runners need: the integration suites compiled to
 * out/test/integration, and the workspaces they run in (the demo agency repository with a fixed
 * today; an untrusted copy of it for Restricted Mode; a folder without a clients file for the
 * lazy-activation suite).
 */
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeDemo, ROOT } from './workbench';

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
  /** The workspace folder opened for this run. */
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
  makeDemo(demo, TODAY);
  const untrusted = path.join(tmp, 'untrusted');
  makeDemo(untrusted, TODAY);
  const own = ['lazy', 'restricted'];
  const runs = [
    { folder: empty, suites: ['lazy'] },
    { folder: untrusted, suites: ['restricted'], untrusted: true },
    { folder: demo, suites: all.filter((s) => !own.includes(s)) },
  ];
  const wanted = only?.split(',').map((s) => s.trim());
  return runs
    .map((r) => ({ ...r, suites: wanted ? r.suites.filter((s) => wanted.includes(s)) : r.suites }))
    .filter((r) => r.suites.length > 0)
    .map((r) => ({ ...r, suites: r.suites.join(',') }));
}
