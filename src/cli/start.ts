/**
 * The CLI's entry (`dist/cli.js`, the `client-pulse` bin): so small that `client-pulse --version`
 * answers without reading the rest. Every other command loads the CLI itself (`main.ts`, bundled
 * as `dist/cli-main.js` by esbuild.js) and runs it.
 */
import type { main } from './main';
import { version } from '../../package.json';

/**
 * CommonJS `require`, declared here so the CLI's bundle is loaded synchronously (a dynamic
 * `import()` would go through Node's ES module loader); esbuild.js points `./main` at
 * `dist/cli-main.js`.
 */
declare const require: (id: './main') => { main: typeof main };

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v' || argv[0] === '-V')) {
  process.stdout.write(`${version}\n`);
} else {
  require('./main').main(argv);
}
