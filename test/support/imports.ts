/**
 * The import graph of a source folder, read with TypeScript's own pre-processor (every `import`,
 * `import type`, `export … from`, `import()` and `require()`, whatever the formatting), and the
 * layer rules of docs/architecture.md checked on it: no cycle, no feature folder of the extension
 * importing another, nothing in core importing a front.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

export interface ImportGraph {
  /** Root-relative paths with `/` (e.g. `src/extension/panel/service.ts`), sorted. */
  files: string[];
  /** File → the files of the graph it imports (relative imports only). */
  imports: Map<string, string[]>;
  /** `file → specifier` of relative imports that name no file. */
  unresolved: string[];
}

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts'];

function sources(root: string, dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sources(root, rel);
    return EXTENSIONS.some((x) => e.name.endsWith(x)) && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The file a relative specifier names, as TypeScript resolves it (`./x` → `x.ts` or `x/index.ts`;
 * `./x.js` → `x.ts`); `null` for a file that is not TypeScript (`../package.json`), undefined for none.
 */
function resolve(root: string, from: string, specifier: string): string | null | undefined {
  const base = path.posix.join(path.posix.dirname(from), specifier);
  const stem = base.replace(/\.(m|c)?js$/u, '');
  const candidates = [base, ...EXTENSIONS.map((x) => stem + x), ...EXTENSIONS.map((x) => `${base}/index${x}`)];
  const found = candidates.find((c) => EXTENSIONS.some((x) => c.endsWith(x)) && isFile(path.join(root, c)));
  if (found) return found;
  return /\.[a-z]+$/iu.test(base) && isFile(path.join(root, base)) ? null : undefined;
}

/** The graph of every TypeScript file under `dir` (relative to `root`). */
export function importGraph(root: string, dir = 'src'): ImportGraph {
  const files = sources(root, dir).sort();
  const imports = new Map<string, string[]>();
  const unresolved: string[] = [];
  for (const file of files) {
    const info = ts.preProcessFile(fs.readFileSync(path.join(root, file), 'utf8'), true, true);
    const targets = new Set<string>();
    for (const { fileName } of info.importedFiles) {
      if (!fileName.startsWith('.')) continue; // a package, `node:` or `vscode`
      const target = resolve(root, file, fileName);
      if (target) targets.add(target);
      else if (target === undefined) unresolved.push(`${file} → ${fileName}`);
    }
    imports.set(file, [...targets].sort());
  }
  return { files, imports, unresolved };
}

/** Every import cycle, each as the path that closes it (`a → b → a`), found with Tarjan's strongly connected components. */
export function importCycles(graph: ImportGraph): string[] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string): void => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.imports.get(v) ?? []) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, indexOf.get(w) as number));
      }
    }
    if (low.get(v) !== indexOf.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop() as string;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.imports.get(v) ?? []).includes(v)) components.push(component);
  };
  for (const f of graph.files) if (!indexOf.has(f)) visit(f);
  return components.map((c) => cyclePath(graph, c));
}

/** One concrete cycle through a strongly connected component, from its first file back to it. */
function cyclePath(graph: ImportGraph, component: string[]): string {
  const members = new Set(component);
  const start = [...component].sort()[0];
  // Breadth-first from start to a file that imports start, inside the component.
  const previous = new Map<string, string>([[start, '']]);
  const queue = [start];
  while (queue.length) {
    const v = queue.shift() as string;
    for (const w of graph.imports.get(v) ?? []) {
      if (w === start) {
        const between: string[] = [];
        for (let u = v; u !== start; u = previous.get(u) as string) between.unshift(u);
        return [start, ...between, start].join(' → ');
      }
      if (members.has(w) && !previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return component.join(' → ');
}

/**
 * Imports from one feature folder of `extensionDir` (its sub-folders: `draft/`, `handover/`…) into
 * another. `sharedServices` (e.g. `panel`) are folders every feature may import.
 */
export function crossFeatureImports(graph: ImportGraph, extensionDir: string, sharedServices: readonly string[]): string[] {
  const featureOf = (file: string): string | undefined => {
    if (!file.startsWith(`${extensionDir}/`)) return undefined;
    const parts = file.slice(extensionDir.length + 1).split('/');
    return parts.length > 1 ? parts[0] : undefined;
  };
  const out: string[] = [];
  for (const [file, targets] of graph.imports) {
    const from = featureOf(file);
    if (from === undefined) continue;
    for (const target of targets) {
      const to = featureOf(target);
      if (to !== undefined && to !== from && !sharedServices.includes(to)) out.push(`${file} → ${target}`);
    }
  }
  return out;
}

/** Imports from files under `coreDir` into any of `fronts` (folders such as `src/extension`). */
export function importsIntoFronts(graph: ImportGraph, coreDir: string, fronts: readonly string[]): string[] {
  const out: string[] = [];
  for (const [file, targets] of graph.imports) {
    if (!file.startsWith(`${coreDir}/`)) continue;
    for (const target of targets) if (fronts.some((f) => target.startsWith(`${f}/`))) out.push(`${file} → ${target}`);
  }
  return out;
}
