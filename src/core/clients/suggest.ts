/** "Did you mean …?": the nearest known word to a misspelt key, section, level or language. */
import type { Language } from './model';

export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[n];
}

/** The candidate nearest to `word` (case-insensitive), if it is within 1 edit (short words) or 2. */
export function closest(word: string, candidates: string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d < bestD) { bestD = d; best = c; }
  }
  const limit = w.length <= 4 ? 1 : 2;
  return bestD <= limit ? best : undefined;
}

/** The supported language a common other spelling (`english`, `中文`, …) stands for. */
export function suggestLanguage(raw: string): Language | undefined {
  const v = raw.trim().toLowerCase();
  if (['english', 'en-us', 'en-gb', 'eng', 'en_us', 'en_gb', '英文', '英语'].includes(v)) return 'en';
  if (['zh', 'cn', 'zh-hans', 'zh_cn', 'zh-cn', 'chinese', '中文', '简体中文', '汉语', 'zh-hans-cn'].includes(v)) return 'zh-CN';
  return undefined;
}
