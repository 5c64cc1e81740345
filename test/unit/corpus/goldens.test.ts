/**
 * Golden client drafts of the quality corpus (issue 11, "How to check it"): every client of every
 * fixture, in English and in Chinese, drafted for the last seven days through the CLI's pipeline
 * (bench/quality.ts `measureFixture`: gatherDraftInput + composeDraft). Each golden was read line
 * by line as the client's manager would read it. Regenerate with `UPDATE_GOLDEN=1` only after
 * reading the differences.
 *
 * Beside the goldens, checks that fail when a known bad line comes back, whatever the goldens say:
 * the must-be-zero counts of `npm run quality` (false statements, another client's lines, noise
 * lines, releases and breaking changes not stated), lines seen in real drafts that must never
 * reach a client again, and the release and breaking-change lines that must be there.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { measureFixture, type DraftMeasure } from '../../../bench/quality';
import { draftWithHeaders } from '../../../src/cli/commands/draft';
import type { Draft } from '../../../src/core/draft/types';
import { clientSlug } from '../../../src/core/records/naming';
import { FIXTURE_NAMES } from '../../corpus/build';

const TODAY = '2026-11-20';
const GOLDEN = path.join(__dirname, '..', '..', 'corpus', 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/**
 * What the corpus still gets wrong, by fixture, client and language: the test fails when a new
 * one appears and when one of these is fixed (then take it off the list). Empty: the two
 * shared-package commits the team did not link (`fix(payments): amounts over 10,000 …`,
 * `fix(ui): Select options unreadable in dark theme`) are in no client's e-mail now, only in the
 * lead's notes (docs/drafting.md, "Shared paths").
 */
const KNOWN: Record<string, string[]> = {};

/** Lines seen in drafts of real histories that must never reach a client (any fixture, any client). */
const NEVER: ReadonlyArray<[RegExp, string]> = [
  [/^- .*\b(?:wip|fix typo|address review|fix lint|rubocop)\b/imu, 'a branch fragment'],
  [/^- (?:测试|提交代码|修改|代码格式化|删除无用代码|更新 package-lock\.json)$/mu, 'housekeeping in Chinese'],
  [/Storybook|package-lock|pnpm-lock|node_modules|\.gitlab-ci|workflow/iu, 'tooling or CI'],
  [/bump(?:ed)? (?:the )?version|chore\(release\)|release: v|Version Packages/iu, 'a release bump commit instead of its release line'],
  [/Merge (?:pull request|branch)|Merged PR|See merge request/u, 'a merge commit'],
  [/renovate|dependabot|update dependency|update all non-major/iu, 'a bot'],
  [/\\_|\\`|_ENV_[^_]|<em>|\(#\d+\)/u, 'damaged text (escaped markup) or a PR number'],
  [/[\u4e00-\u9fff]\(|\)[\u4e00-\u9fff]/u, 'ASCII parentheses in a Chinese sentence'],
  [/^Agency$/mu, 'a signature other than the Owner'],
];

/** Lines that must be there. */
const MUST: Record<string, Array<[string, string, RegExp]>> = {
  'conventional-breaking': [
    ['Orbit Media', 'en', /^## Changes that need your attention\n\n- The “autoplay” option is now “autoPlay”; the old name is ignored\n- “playerConfig\.json” must now have a “version” field; files without it are refused\n- Chrome 90–99 are no longer supported; the player shows a notice\n\n## Done this week\n\n\*\*Releases\*\*\n\n- Released version 5\.0\.0\n- Released version 5\.0\.1\n/mu],
    ['Orbit Media', 'zh-CN', /^## 需要您注意的变更\n[^#]+## 本周完成\n\n\*\*版本发布\*\*\n\n- 发布了 5\.0\.0 版本\n- 发布了 5\.0\.1 版本\n/mu],
    ['Orbit Media', 'en', /^\*\*Overall status: At risk\*\* — .*3 breaking changes touch areas you rely on/mu],
  ],
  squash: [['Helio Energy', 'en', /^- Released version 2\.4\.0$/mu]],
  'monorepo-shared': [
    // Changesets' "Version Packages": a release, each client reading the packages in its Paths.
    ['Acme Retail', 'en', /^\*\*Releases\*\*\n\n- Released new versions: ui 3\.1\.0, payments 1\.4\.0$/mu],
    ['Bolt Logistics', 'en', /^\*\*Releases\*\*\n\n- Released a new version: ui 3\.1\.0$/mu],
    ['Cedar Bank', 'zh-CN', /^\*\*版本发布\*\*\n\n- 发布了新版本：ui 3\.1\.0、payments 1\.4\.0$/mu],
  ],
  gitee: [['华路物流', 'zh-CN', /^- 发布了 1\.8\.0 版本$/mu]],
  'chinese-plain': [
    ['云帆教育', 'zh-CN', /^- 发布了 2\.1\.0 版本$/mu],
    ['云帆教育', 'zh-CN', /^- 修复 `window\.__ENV__` 未定义导致白屏的问题$/mu],
  ],
};

describe('quality corpus: golden client drafts and known bad lines', function () {
  this.timeout(300000);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-goldens-'));
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  for (const name of FIXTURE_NAMES) {
    describe(name, () => {
      const drafts: Draft[] = [];
      let measures: DraftMeasure[] = [];
      before(async () => {
        measures = await measureFixture(name, path.join(root, name), TODAY, (d) => drafts.push(d));
      });

      it('each client, in each language, reads as its golden draft', () => {
        assert.ok(drafts.length >= 2);
        for (const d of drafts) {
          const file = path.join(GOLDEN, name, `${clientSlug(d.client)}.${d.language}.md`);
          const actual = draftWithHeaders(d, d.markdown);
          if (UPDATE) {
            fs.mkdirSync(path.dirname(file), { recursive: true });
            fs.writeFileSync(file, actual);
            continue;
          }
          assert.ok(fs.existsSync(file), `missing golden ${file}: run with UPDATE_GOLDEN=1 and read it`);
          assert.equal(actual, fs.readFileSync(file, 'utf8'), `${name} / ${d.client} / ${d.language}`);
        }
      });

      it('no false statement, no other client\'s line, no noise line, every release and breaking change stated', () => {
        const found = measures.flatMap((m) =>
          (['falseStatements', 'otherClient', 'noise', 'unstated'] as const).flatMap((k) => m[k].map((text) => `${m.client}/${m.language} ${k}: ${text}`)),
        );
        assert.deepEqual(found.sort(), [...(KNOWN[name] ?? [])].sort());
      });

      it('none of the bad lines seen in real drafts comes back; the required lines are there', () => {
        for (const d of drafts) {
          for (const [re, what] of NEVER) assert.doesNotMatch(d.markdown, re, `${name} / ${d.client} / ${d.language}: ${what}`);
        }
        for (const [client, language, re] of MUST[name] ?? []) {
          const d = drafts.find((x) => x.client === client && x.language === language);
          assert.ok(d, `${client} / ${language}`);
          assert.match(d.markdown, re, `${name} / ${client} / ${language}`);
        }
      });
    });
  }
});
