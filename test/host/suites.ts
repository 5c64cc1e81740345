/**
 * What both extension-host runners need: the integration suites compiled to
 * out/test/integration, and the workspaces they run in (the demo agency repository with a fixed
 * today, and a folder without a clients file for the lazy-activation suite).
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
  const runs = [
    { folder: empty, suites: ['lazy'] },
    { folder: demo, suites: all.filter((s) => s !== 'lazy') },
  ];
  const wanted = only?.split(',').map((s) => s.trim());
  return runs
    .map((r) => ({ folder: r.folder, suites: wanted ? r.suites.filter((s) => wanted.includes(s)) : r.suites }))
    .filter((r) => r.suites.length > 0)
    .map((r) => ({ folder: r.folder, suites: r.suites.join(',') }));
}
