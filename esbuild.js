// One build script, several bundles: the extension host (node/cjs), the CLI (node/cjs),
// the webview (browser/iife) and the benchmark. `--production` minifies, `--watch` rebuilds.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints start/finish lines that the `$esbuild-watch` problem matcher understands. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => { if (watch) console.log('[watch] build started'); });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (watch) console.log('[watch] build finished');
    });
  },
};

/**
 * Writes a codicon stylesheet with only the icons the webview names (every string literal in
 * src/webview/*.ts that is a codicon's name), each an SVG mask in currentColor: a few KB instead
 * of the whole font (about 160 KB with its stylesheet). `<vscode-icon>` links the same stylesheet.
 */
const codiconSubset = {
  name: 'codicon-subset',
  setup(build) {
    build.onEnd(() => {
      const icons = path.join(__dirname, 'node_modules', '@vscode', 'codicons', 'src', 'icons');
      const names = new Set(fs.readdirSync(icons).filter((f) => f.endsWith('.svg')).map((f) => f.slice(0, -4)));
      const used = new Set();
      const dir = path.join(__dirname, 'src', 'webview');
      for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
        for (const m of fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/['"`]([a-z0-9-]+)['"`]/g)) {
          if (names.has(m[1])) used.add(m[1]);
        }
      }
      const rules = [...used].sort().map((name) => {
        const svg = fs.readFileSync(path.join(icons, `${name}.svg`), 'utf8').trim();
        return `.codicon-${name}{--codicon:url("data:image/svg+xml,${encodeURIComponent(svg).replace(/'/g, '%27')}")}`;
      });
      const css = [
        `/* ${used.size} codicons (MIT, Microsoft Corporation), subset by esbuild.js. */`,
        ".codicon[class*='codicon-']{display:inline-block;width:1em;height:1em;font-size:16px;line-height:1;vertical-align:text-top;background-color:currentColor;-webkit-mask:var(--codicon) center/contain no-repeat;mask:var(--codicon) center/contain no-repeat;user-select:none;-webkit-user-select:none}",
        ...rules,
        '',
      ].join('\n');
      const to = path.join(__dirname, 'dist', 'webview');
      fs.mkdirSync(to, { recursive: true });
      fs.writeFileSync(path.join(to, 'codicon.css'), css);
      fs.rmSync(path.join(to, 'codicon.ttf'), { force: true });
    });
  },
};

/**
 * markdown-it imports `entities` for two decoders; its index also pulls in the 23 KB encoder
 * tables (its `lib/esm` folder has a package.json without `sideEffects`, so they cannot be
 * shaken). Only the decoders are bundled.
 */
const entitiesDecodeOnly = {
  name: 'entities-decode-only',
  setup(build) {
    const decode = path.join(__dirname, 'node_modules', 'entities', 'lib', 'esm', 'decode.js');
    build.onResolve({ filter: /^entities$/ }, () => ({ path: decode }));
  },
};

/**
 * The heavy libraries core loads lazily (src/core/vendor.ts) live in their own files, each bundled
 * once, so the extension and CLI bundles stay small and read them only when used.
 */
const vendors = {
  'markdown-it': 'markdown-it',
  mustache: 'mustache',
  'nodemailer/lib/mail-composer': 'mail-composer',
};
const vendorFiles = {
  name: 'vendor-files',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(vendors).map((v) => v.replace(/[/.-]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: `./vendor/${vendors[args.path]}.js`, external: true }));
  },
};

/**
 * One interop object per external module instead of one per importing file: esbuild turns each
 * file's `import * as vscode from 'vscode'` (and `node:fs`, `node:path`, …) into its own
 * `__toESM(require(…))`, which copies every export of the module into a new object — the vscode
 * API's few hundred, 36 times at activation, about 18 ms of loading the extension. Imports of an
 * external module from the sources go through one virtual module, `export * from '<module>'`,
 * which does that once.
 */
const oneInteropPerExternal = {
  name: 'one-interop-per-external',
  setup(build) {
    // `vscode` only where the build declares it external: elsewhere (core, the CLI) importing it
    // must keep failing the build.
    const vscodeExternal = (build.initialOptions.external ?? []).includes('vscode');
    build.onResolve({ filter: /^(vscode|node:.+)$/ }, (args) => {
      if (args.path === 'vscode' && !vscodeExternal) return undefined;
      if (args.kind !== 'import-statement' || args.namespace === 'external-interop') return { path: args.path, external: true };
      return { path: args.path, namespace: 'external-interop' };
    });
    // `export *` leaves out `default`: re-exported too, so `import fs from 'node:fs'` keeps working.
    build.onLoad({ filter: /.*/, namespace: 'external-interop' }, (args) => {
      const spec = JSON.stringify(args.path);
      return { contents: `export * from ${spec};\nexport { default } from ${spec};`, loader: 'js' };
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'silent',
  plugins: [problemMatcher, entitiesDecodeOnly],
};

// mainFields: packages' ES module builds first (jsonc-parser's UMD build requires its files at run time, which a bundle cannot).
const node = { ...common, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'], plugins: [...common.plugins, oneInteropPerExternal] };
const app = { ...node, plugins: [...node.plugins, vendorFiles] };

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  { ...app, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // Loaded on first use of the draft, handover or overview (src/extension/lazyFeatures.ts).
  { ...app, entryPoints: ['src/extension/features.ts'], outfile: 'dist/extension-features.js', external: ['vscode'] },
  // The bin is a tiny entry (--version without reading the rest); it loads the CLI's bundle, cli-main.js, at run time.
  { ...node, entryPoints: ['src/cli/start.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...app, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli-main.js' },
  { ...common, entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview/main.js', platform: 'browser', format: 'iife', target: 'es2022', external: ['nodemailer/*'], plugins: [...common.plugins, codiconSubset] },
  ...Object.entries(vendors).map(([pkg, file]) => ({ ...node, stdin: { contents: `module.exports = require(${JSON.stringify(pkg)});`, resolveDir: __dirname, sourcefile: `vendor-${file}.js` }, outfile: `dist/vendor/${file}.js`, entryPoints: undefined })),
];
if (fs.existsSync('bench/main.ts')) {
  builds.push({ ...node, entryPoints: ['bench/main.ts'], outfile: 'dist/bench.js' });
}

async function main() {
  const contexts = await Promise.all(
    builds.filter((b) => !b.entryPoints || fs.existsSync(b.entryPoints[0])).map((b) => esbuild.context(b)),
  );
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  if (fs.existsSync('dist/cli.js')) fs.chmodSync('dist/cli.js', 0o755);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
