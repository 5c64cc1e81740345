/**
 * Which client lines the lead must reword before sending, and why, in both languages. Returns
 * reason codes only; the fronts (panel, CLI) word them.
 *
 * - `identifier`: code in the sentence — CamelCase or snake_case names, `dotted.calls()`, file
 *   names and paths, package names (`@scope/pkg`), `null`/`undefined`, HTTP status codes (404, 500).
 * - `other-language`: mostly Chinese in an English e-mail, mostly English in a Chinese one.
 * - `contentless`: says nothing a client can use ("Update styling", "minor fixes", "优化代码").
 */
import type { Language } from '../clients/model';

export type RewordReason = 'identifier' | 'other-language' | 'contentless';

export const REWORD_REASONS: readonly RewordReason[] = ['identifier', 'other-language', 'contentless'];

/** Product names written in CamelCase that a client reads as words. */
const PRODUCT_NAMES = new Set(
  [
    'TestFlight', 'GitHub', 'GitLab', 'PayPal', 'JavaScript', 'TypeScript', 'WordPress', 'YouTube', 'LinkedIn', 'PowerPoint',
    'WeChat', 'WhatsApp', 'AliPay', 'AirPods', 'MacBook', 'OpenAI', 'PostgreSQL', 'MySQL', 'GraphQL', 'DevOps', 'FaceTime',
    'iOS', 'iPadOS', 'macOS', 'iPhone', 'iPad', 'eBay', 'watchOS', 'tvOS', 'HarmonyOS', 'OneDrive', 'SharePoint', 'DingTalk',
  ].map((n) => n.toLowerCase()),
);

const FILE_EXT = 'ts|tsx|js|jsx|mjs|cjs|json|ya?ml|toml|lock|py|java|kt|go|rs|rb|php|cs|swift|vue|svelte|css|scss|less|html?|sh|sql|xml|gradle|properties|ini|env|cfg|conf|c|h|cpp|hpp|dart|md';

const IDENTIFIER_PATTERNS: RegExp[] = [
  /`[^`\n]+`/u, // inline code
  /(?<![\p{L}\p{N}])[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*(?![\p{L}\p{N}])/u, // lowerCamel
  /(?<![\p{L}\p{N}])(?:[A-Z][a-z0-9]+){2,}(?![\p{L}\p{N}])/u, // UpperCamel (product names allowed below)
  /(?<![\p{L}\p{N}])[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+(?![\p{L}\p{N}])/u, // snake_case, SCREAMING_CASE
  /[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+\(/u, // dotted.call(
  /(?<![\p{L}\p{N}])[A-Za-z_$][\w$]*\(\)/u, // call()
  new RegExp(`(?<![\\p{L}\\p{N}])[\\w.-]+\\.(?:${FILE_EXT})(?![\\p{L}\\p{N}])`, 'u'), // file.ext
  /(?<![\p{L}\p{N}])\.{0,2}\/?[\w.-]+(?:\/[\w.-]+){2,}/u, // a/b/c paths
  /@[\w-]+\/[\w.-]+/u, // @scope/pkg
  /(?<![\p{L}\p{N}])(?:null|undefined|NaN|nullptr|nil)(?![\p{L}\p{N}])/u,
  /(?<![\p{N}.])(?:40[0-9]|41[0-8]|42[2-9]|50[0-4])(?![\p{N}.%])(?!\s*(?:[a-z]+s|%|ms|px|kb|mb)\b)/u, // HTTP status codes
];

function hasIdentifier(text: string): boolean {
  return IDENTIFIER_PATTERNS.some((p, index) => {
    if (index !== 1 && index !== 2) return p.test(text);
    // CamelCase: every match must be a known product name to be let through.
    const global = new RegExp(p.source, 'gu');
    // A product name in the plural or possessive (`iPhones`, `iPad's`) is still the product.
    return [...text.matchAll(global)].some((m) => {
      const word = m[0].toLowerCase();
      return !PRODUCT_NAMES.has(word) && !PRODUCT_NAMES.has(word.replace(/(?:'s|s)$/u, ''));
    });
  });
}

function scriptCounts(text: string): { han: number; latin: number } {
  return { han: text.match(/\p{Script=Han}/gu)?.length ?? 0, latin: text.match(/\p{Script=Latin}/gu)?.length ?? 0 };
}

/** More Han characters than Latin letters (a Han character counts as three letters, about a word). */
export function mostlyChinese(text: string): boolean {
  const { han, latin } = scriptCounts(text);
  return han > 0 && han * 3 > latin;
}

/** A sentence in Latin letters (a few words at least), with less Chinese than English. */
function mostlyLatin(text: string): boolean {
  const { han, latin } = scriptCounts(text);
  return latin >= 8 && han * 3 < latin;
}

/** Words that say something happened without saying what. */
const VAGUE_EN = new Set(
  (
    'a an the and or of to for from in on some more few various misc miscellaneous minor small general other stuff things bits ' +
    'update updates updated updating fix fixes fixed fixing change changes changed improve improves improved improvement improvements ' +
    'tweak tweaks tweaked cleanup clean cleaned up refactor refactored refactoring styling style styles code bug bugs issue issues ' +
    'testing test tests wip work working tidy polish polishing adjust adjustments optimise optimize optimised optimized optimisation optimization etc'
  ).split(' '),
);
const VAGUE_ZH = /优化|修改|修复|修正|更新|调整|完善|改进|代码|bug|问题|样式|细节|一些|部分|若干|小|的|和|及|与|等|逻辑|功能|若干处|处|其他|杂项|测试|提交|内容|相关/giu;

function contentless(text: string): boolean {
  const plain = text.replace(/[\p{P}\p{S}\s]+/gu, ' ').trim();
  if (!plain) return true;
  if (/\p{Script=Han}/u.test(plain)) return plain.replace(VAGUE_ZH, '').replace(/\s+/gu, '') === '';
  return plain.toLowerCase().split(' ').every((w) => VAGUE_EN.has(w));
}

/**
 * True when the lead's own words (a commitment title, a risk, an ask from clients.md) are in the
 * other language than the e-mail's: Chinese in an English e-mail, English in a Chinese one. Only
 * this is checked of them (the lead chose the words; code names or vague words are theirs to keep).
 */
export function inOtherLanguage(text: string, language: Language): boolean {
  return language === 'en' ? mostlyChinese(text) : mostlyLatin(text);
}

/** A quoted single name: “autoPlay”, “playerConfig.json” (how a name the commit wrote as code reads). */
const QUOTED_NAME = /“[^\s“”]+”/gu;

export interface RewordOptions {
  /**
   * The line tells the client what to change on their side (a breaking change): a quoted exact
   * name (“autoPlay”, “playerConfig.json”) is what they must use, so it is not reworded away.
   * Code outside quotes still is.
   */
  exactNames?: boolean;
}

/** Why a client line should be reworded before sending; empty when it reads well. */
export function rewordReasons(text: string, language: Language, options: RewordOptions = {}): RewordReason[] {
  const reasons: RewordReason[] = [];
  if (hasIdentifier(options.exactNames ? text.replace(QUOTED_NAME, 'name') : text)) reasons.push('identifier');
  if (inOtherLanguage(text, language)) reasons.push('other-language');
  if (contentless(text)) reasons.push('contentless');
  return reasons;
}
