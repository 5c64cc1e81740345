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

/** Copies the codicon font and stylesheet next to the webview bundle. */
const copyCodicons = {
  name: 'copy-codicons',
  setup(build) {
    build.onEnd(() => {
      const from = path.join(__dirname, 'node_modules', '@vscode', 'codicons', 'dist');
      const to = path.join(__dirname, 'dist', 'webview');
      fs.mkdirSync(to, { recursive: true });
      for (const file of ['codicon.css', 'codicon.ttf']) {
        if (fs.existsSync(path.join(from, file))) fs.copyFileSync(path.join(from, file), path.join(to, file));
      }
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'silent',
  plugins: [problemMatcher],
};

// mainFields: packages' ES module builds first (jsonc-parser's UMD build requires its files at run time, which a bundle cannot).
const node = { ...common, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'] };

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  { ...node, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...node, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview/main.js', platform: 'browser', format: 'iife', target: 'es2022', plugins: [problemMatcher, copyCodicons] },
];
if (fs.existsSync('bench/main.ts')) {
  builds.push({ ...node, entryPoints: ['bench/main.ts'], outfile: 'dist/bench.js' });
}

async function main() {
  const contexts = await Promise.all(
    builds.filter((b) => fs.existsSync(b.entryPoints[0])).map((b) => esbuild.context(b)),
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
