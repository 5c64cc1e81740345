/**
 * Handover notes made without git history (Restricted Mode): the commits, code areas and branches
 * are "not known", never counted as 0 or "none", in the frame (English) and in a Chinese client's part.
 */
import * as assert from 'node:assert/strict';
import { composeHandover } from '../../../src/core/handover/compose';
import { gatherHandoverInput } from '../../../src/core/handover/gather';
import { realHandoverGit } from '../../../src/core/handover/gitSource';

const CLIENTS = `# Acme

Contact: Jane Doe <jane@acme.example> (CTO)
Paths: apps/acme/
Owner: Alice Martin <alice@agency.example>

## Commitments
- [ ] Points on the loyalty card due:2026-11-25 @alice #points

# 星河教育

Contact: 李娜 <li.na@xinghe.example>
Language: zh-CN
Paths: apps/xinghe/
Owner: Alice Martin <alice@agency.example>

## Commitments
- [ ] 课程表导出 due:2026-12-01 @alice #export
`;

describe('handover: git history not read', () => {
  it('says "not known" for branches, commits and code areas, in English and Chinese', async () => {
    const input = await gatherHandoverInput({ roots: [], clientsText: CLIENTS, from: 'Alice Martin', today: '2026-11-20', language: 'en', git: realHandoverGit() });
    assert.equal(input.historyRead, false);
    const doc = composeHandover(input);
    const md = doc.markdown;
    assert.match(md, /Unmerged branches with work by Alice Martin: not known \(git history was not read\)/u);
    assert.doesNotMatch(md, /Unmerged branches with work by Alice Martin: 0/u);
    assert.doesNotMatch(md, /No unmerged branches|No commits for this client|changed no code|no linked commits/u, md);
    assert.match(md, /Points on the loyalty card\*\*[^\n]*\n {2}- linked commits not known \(git history was not read\)/u);
    assert.match(md, /未知：未读取 git 历史/u, 'the Chinese client part says it in Chinese');
    assert.doesNotMatch(md, /该客户没有未合并的分支|此期间没有该客户的提交|此期间没有关联提交/u);
    assert.match(md, /Points on the loyalty card/u, 'what clients.md says is still there');
  });

  it('someone with no role here is not said to have changed nothing', async () => {
    const input = await gatherHandoverInput({ roots: [], clientsText: CLIENTS.replace(/Owner: Alice Martin <alice@agency\.example>\n\n## Commitments\n- \[ \] Points on the loyalty card due:2026-11-25 @alice #points/u, 'Owner: Bob Stone <bob@agency.example>'), from: 'Alice Martin', today: '2026-11-20', language: 'en', git: realHandoverGit() });
    const md = composeHandover(input).markdown;
    assert.match(md, /Alice Martin is neither Owner nor Backup here; whether they changed this client's code in the window is not known/u, md);
    assert.doesNotMatch(md, /made no change the client saw/u);
  });
});
