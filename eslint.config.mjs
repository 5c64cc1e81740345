// ESLint (flat config): eslint's and typescript-eslint's recommended rules, without type
// information (the whole tree lints in ~7 s; type-aware linting would re-run the type checker,
// which has its own phase), and no formatting or stylistic rules. `npm run lint`; a phase of `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Globals of Node.js scripts (the .js/.mjs build and test scripts; .ts files are type-checked). */
const node = Object.fromEntries(
  ['require', 'module', 'exports', '__dirname', '__filename', 'process', 'console', 'Buffer', 'URL', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'fetch', 'AbortController', 'TextDecoder', 'TextEncoder'].map((name) => [name, 'readonly']),
);

export default tseslint.config(
  { ignores: ['dist/', 'out/', '.vscode-test/', '.demo/', 'test-results/', 'node_modules/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // A parameter an interface requires but the implementation ignores is named `_token`; a
      // property left out of a copy by destructuring (`const { span: _s, ...rest } = x`) likewise.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Tests assert on the control characters the code must strip or emit (ANSI colours, NUL).
    files: ['test/**'],
    rules: { 'no-control-regex': 'off' },
  },
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], languageOptions: { globals: node } },
  { files: ['esbuild.js'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
