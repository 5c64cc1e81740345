/**
 * Releases and breaking changes reach the client (issue 11 item 5), composed from a real
 * repository: one line per version, never the bump commit; a section "Changes that need your
 * attention" before "Done" with the footer's explanation (redacted); the status at least "at risk"
 * when the client's risks or notes name the affected area, and the reason says so.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { composeDraft } from '../../../src/core/draft/compose';
import { gatherDraftInput } from '../../../src/core/draft/gather';
import type { Draft } from '../../../src/core/draft/types';
import type { Language } from '../../../src/core/clients/model';
import { commit, git, initRepo, useIsolatedGitConfig } from '../../support/git';
import { tempDir } from '../../support/temp';

const clientsText = (risk: string) => `# Orbit Media

Contact: Lena Fischer <lena.fischer@orbit.example> (Head of apps)
Language: en
Owner: Alice Martin <alice@agency.example>

## Commitments
- [ ] Live captions in the player due:2026-12-04 #captions

## Risks
- ${risk}
`;

const WATCHED = 'medium: Orbit apps pin the player config format — mitigation: announce config changes a release ahead';
const UNRELATED = 'low: The design review may slip a week — mitigation: book the room now';

describe('draft: releases and breaking changes', function () {
  this.timeout(60000);
  useIsolatedGitConfig();
  let repo: string;

  before(() => {
    repo = tempDir('draft-releases');
    initRepo(repo);
    commit(repo, 'docs: clients file', { '.project/clients.md': clientsText(WATCHED) }, '2026-11-02');
    commit(repo, 'feat(captions): parse WebVTT cues #captions', { 'src/captions.ts': 'c' }, '2026-11-16');
    commit(repo, 'feat(config)!: new config loader\n\n* load config from JSON\n\n* BREAKING CHANGE: playerConfig.json must now have a version field (see https://wiki.corp/ACME-12); files without it are refused.', { 'src/config.ts': 'l' }, '2026-11-17');
    commit(repo, 'fix(player): pause on blur\n\nbreaking change: not a footer in lower case, so not a breaking change', { 'src/pause.ts': 'p' }, '2026-11-17');
    commit(repo, 'chore(release): 5.0.0', { 'package.json': '{"version":"5.0.0"}', 'CHANGELOG.md': '# 5.0.0' }, '2026-11-18');
    git(repo, ['tag', 'v5.0.0']);
    commit(repo, 'chore: bump version to 5.0.0', { 'packages/player/package.json': '{"version":"5.0.0"}' }, '2026-11-18');
    commit(repo, 'chore: bump version to 5.0.1-beta.0', { 'package.json': '{"version":"5.0.1-beta.0"}' }, '2026-11-19');
  });
  after(() => fs.rmSync(repo, { recursive: true, force: true }));

  async function draft(language: Language, risk = WATCHED, audience: 'client' | 'internal' = 'client'): Promise<Draft> {
    const gathered = await gatherDraftInput({
      roots: [repo],
      clientsText: clientsText(risk),
      projectDir: path.join(repo, '.project'),
      client: 'Orbit Media',
      period: { since: '2026-11-16', until: '2026-11-22' },
      today: '2026-11-20',
      weekStart: 'monday',
      audience,
      language,
    });
    return composeDraft(gathered.input);
  }

  const lines = (d: Draft, id: string) => d.sections.find((s) => s.id === id)?.lines.map((l) => l.text) ?? [];

  it('one line per version, never the bump commits', async () => {
    const d = await draft('en');
    const done = lines(d, 'done');
    assert.deepEqual(done.filter((t) => /5\.0/u.test(t)), ['Released version 5.0.0'], 'the release commit, its tag and a second bump of 5.0.0 are one line; the beta bump is not a release');
    assert.doesNotMatch(d.markdown, /bump|chore|beta/iu);
    const release = d.sections.find((s) => s.id === 'done')!.lines.find((l) => l.text === 'Released version 5.0.0')!;
    assert.equal(release.hashes.length, 2, 'the line traces to both commits of 5.0.0');
    assert.match(d.markdown, /## Done this week\n\n\*\*Releases\*\*\n\n- Released version 5\.0\.0\n/u);
    const zh = await draft('zh-CN');
    assert.ok(lines(zh, 'done').includes('发布了 5.0.0 版本'));
    assert.match(zh.markdown, /\*\*版本发布\*\*/u);
  });

  it('a breaking change is a section before "Done" with its explanation, redacted, and is not repeated under "Done"', async () => {
    const d = await draft('en');
    assert.equal(d.sections[0].id, 'breaking', 'the first section, the one the panel shows first too');
    assert.equal(d.sections[0].title, 'Changes that need your attention');
    assert.deepEqual(lines(d, 'breaking'), ['playerConfig.json must now have a version field; files without it are refused'], 'a file name keeps its case');
    assert.ok(d.markdown.indexOf('## Changes that need your attention') < d.markdown.indexOf('## Done this week'));
    assert.doesNotMatch(d.markdown, /wiki\.corp|ACME-12/u, 'the footer is redacted like other client text');
    assert.ok(!lines(d, 'done').some((t) => /config loader/iu.test(t)), 'told once');
    assert.ok(lines(d, 'done').includes('Pause on blur'), 'a lower-case "breaking change:" is no footer (the spec: upper case only)');
    assert.equal(lines(d, 'breaking').length, 1);
    const zh = await draft('zh-CN');
    assert.equal(zh.sections[0].title, '需要您注意的变更');
    assert.ok(zh.markdown.indexOf('## 需要您注意的变更') < zh.markdown.indexOf('## 本周完成'));
    const internal = await draft('en', WATCHED, 'internal');
    assert.match(internal.markdown, /^## Breaking changes\n\n- feat\(config\)!: new config loader — playerConfig\.json must now have a version field/mu, 'the team reads the subject as written and the explanation');
  });

  it('makes the status at risk when a risk names the affected area, and says why; otherwise leaves it alone', async () => {
    const d = await draft('en');
    assert.equal(d.status.status, 'at-risk');
    assert.deepEqual(d.status.reasons, ['“New config loader” is a breaking change in an area you rely on (see “Changes that need your attention”)']);
    assert.doesNotMatch(d.markdown, /On track|all commitments are on schedule/u);
    const zh = await draft('zh-CN');
    assert.equal(zh.status.status, 'at-risk');
    assert.match(zh.status.reasons.join(''), /不兼容变更.*需要您注意的变更/u);
    const other = await draft('en', UNRELATED);
    assert.equal(other.status.status, 'on-track', 'no risk or note names config or the player');
    assert.equal(other.sections[0].id, 'breaking', 'the change is still told');
  });
});
