/**
 * Breaking changes a client must hear about: which items of the period are (a `type!:` subject, a
 * `BREAKING CHANGE:` / `BREAKING-CHANGE:` footer, also inside a squashed body), and whether one
 * touches an area the client's risks or notes name (its scope, or a word of its explanation) —
 * then the status is at least "at risk" and says why.
 */
import type { Client } from '../clients/model';
import type { ActivityItem } from '../git/types';

/** Breaking items a reader is told about: not rolled back, not a branch commit (its pull request tells it). */
export function breakingItems(items: readonly ActivityItem[]): ActivityItem[] {
  return items.filter((i) => i.breaking && i.hidden !== 'reverted' && i.hidden !== 'branch' && i.kind !== 'revert');
}

/** Words too common to name an area. */
const COMMON = new Set(
  (
    'about after again also been before being change changed changes default does done from have into just like longer made make more must need needs ' +
    'never newer no-longer none only other over removed same should some still than that their them then there these they this those under used uses ' +
    'using want were what when which will with without would your ignored refused shows notice older instead field fields option options name names ' +
    'file files value values support supported'
  ).split(' '),
);
const COMMON_ZH = new Set(['不再', '支持', '需要', '现在', '必须', '修改', '变更', '改为', '以后', '之后', '已经', '我们', '您的', '功能', '问题']);

function latinWords(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/gu, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/u)
    .filter((w) => w.length >= 4 && !/^\d+$/u.test(w) && !COMMON.has(w))
    .map((w) => w.replace(/(?<=\w{3})s$/u, ''));
}

function cjkPairs(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(/[\u3400-\u9fff]{2,}/gu) ?? []) for (let k = 0; k + 2 <= run.length; k++) out.push(run.slice(k, k + 2));
  return out.filter((p) => !COMMON_ZH.has(p));
}

/** True when the client's risks or notes mention the area of breaking item `item`. */
export function touchesWatchedArea(item: ActivityItem, client: Client): boolean {
  const watched = [...client.risks.flatMap((r) => [r.description, r.mitigation ?? '']), ...client.notes.map((n) => n.text)].join('\n');
  if (!watched.trim()) return false;
  const area = [item.scope ?? '', item.breakingNote ?? '', item.clientText].join(' ');
  const watchedWords = new Set(latinWords(watched));
  if (latinWords(area).some((w) => watchedWords.has(w))) return true;
  return cjkPairs(area).some((p) => watched.includes(p));
}
