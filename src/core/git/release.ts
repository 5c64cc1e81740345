/**
 * Releases: a commit that ships a version (`chore(release): 10.0.0`, `release: v2.3.0`,
 * `Release v2.3.0`, `发布 1.2.0`, `Prepare 4.1.0`, `Bump version to 2.1.0`) or a commit a version
 * tag points at (`v5.0.1`, `5.0.1`, `player@5.0.1`, `release-5.0.1`). A client reads one line per
 * version ("Released version 5.0.1"), never the bump commit itself.
 *
 * Not releases: dependency bumps (`Bump nokogiri from 1.16.7 to 1.18.1`), a bump to a pre-release
 * development version without a tag (`chore: bump version to 5.0.2-beta.0`, the usual step right
 * after a release), Maven's `prepare for next development iteration`.
 */
import type { Conventional } from './conventional';
import type { ReleaseInfo, ReleasedPackage } from './types';

/** `1.2`, `1.2.3`, `1.2.3-rc.1`, `1.2.3+build.5`, with an optional `v` before it. */
const VERSION = String.raw`[vV]?(\d+\.\d+(?:\.\d+)?(?:-[0-9A-Za-z][0-9A-Za-z.-]*)?(?:\+[0-9A-Za-z.-]+)?)`;
const END = String.raw`(?![\w.-]*\w)`;

/** A release in words: the version follows the verb, possibly after "version", "release", a name. */
const RELEASE_WORDS = new RegExp(
  String.raw`^(?:\[[^\]]+\]\s*)?(?:release[ds]?|releasing|publish(?:e[ds])?|ship(?:ped)?|prepare(?:s|d)?(?:\s+for)?(?:\s+(?:the\s+)?release)?|cut)\b[\s:]*(?:(?:of\s+)?(?:the\s+)?(?:version|release|ver\.?)\s+)?(?:[\w@/.-]+\s+)?${VERSION}${END}`,
  'iu',
);
/** `发布 1.2.0`, `发布版本 1.2.0`, `发布 v1.2.0 版本`, `版本 1.2.0`, `v1.2.0 发布`, `1.2.0 版本发布`. */
const RELEASE_ZH = new RegExp(String.raw`^(?:(?:正式)?(?:发布|发版|上线)(?:新)?(?:版本)?|版本(?:发布)?)\s*[:：]?\s*${VERSION}${END}|^${VERSION}\s*(?:版本)?\s*(?:正式)?(?:发布|发版)`, 'u');
/** `Bump version to 2.1.0`, `bump to 2.1.0`, `Set version 2.1.0`, `Update version to 2.1.0`, `v2.1.0`, `2.1.0`. */
const BUMP = new RegExp(String.raw`^(?:bump(?:ed|s)?|set|update[ds]?|change[ds]?)\s+(?:the\s+)?(?:(?:package|project|app)\s+)?(?:version\s+)?(?:to\s+|=\s*)?${VERSION}${END}|^${VERSION}$|^版本号?(?:升级|更新|修改)?(?:为|到|至)\s*${VERSION}`, 'iu');
/** Maven's release plugin: `[maven-release-plugin] prepare release app-1.2.0`. */
const MAVEN = new RegExp(String.raw`^\[maven-release-plugin\]\s+prepare release\s+(?:[\w.-]*?-)?${VERSION}${END}`, 'iu');

export interface ReleaseMessage {
  version: string;
  /** A bump to a version without release words (`Bump version to 2.1.0`). */
  bump: boolean;
}

/** The version a commit's message says it releases, else undefined. */
export function releaseOfMessage(subject: string, conventional: Conventional): ReleaseMessage | undefined {
  const s = subject.trim();
  const maven = MAVEN.exec(s);
  if (maven) return { version: maven[1], bump: false };
  const description = conventional.description.trim();
  const releaseType = conventional.type === 'release' || conventional.scope?.toLowerCase() === 'release';
  if (releaseType) {
    // `chore(release): 10.0.0`, `release: vant v4.10.0`, `chore(release): publish 1.2.0`
    const m = new RegExp(String.raw`(?:^|[\s@])${VERSION}${END}`, 'u').exec(description);
    if (m) return { version: m[1], bump: false };
  }
  const text = conventional.type === undefined || ['chore', 'build', 'release', 'ci'].includes(conventional.type) ? description : '';
  if (!text) return undefined;
  const words = RELEASE_WORDS.exec(text) ?? RELEASE_ZH.exec(text);
  if (words) return { version: words[1] ?? words[2], bump: false };
  const bump = BUMP.exec(text);
  if (bump) return { version: bump[1] ?? bump[2] ?? bump[3], bump: true };
  return undefined;
}

/** The version a tag names (`v5.0.1`, `5.0.1`, `player@5.0.1`, `player-v5.0.1`, `release/5.0.1`), else undefined. */
export function versionOfTag(tag: string): string | undefined {
  const m = new RegExp(String.raw`^(?:[\w.@/-]*?[@/_-])?${VERSION}$`, 'u').exec(tag.trim());
  return m?.[1];
}

/** A development pre-release (`-beta.0`, `-alpha.0`, `-dev`, `-SNAPSHOT`, `-next.0`): bumped to right after a release. */
export function isDevelopmentVersion(version: string): boolean {
  return /-(?:[0-9A-Za-z]+\.0|dev(?:\.\d+)?|snapshot|next(?:\.\d+)?|pre)$/iu.test(version);
}

/**
 * The version a commit releases: a version tag on it, else its message (a bump to a development
 * version counts only when tagged). `commit` says the commit itself is the release commit (its
 * line is the release line); a tag alone leaves the commit its own line.
 */
export function releaseOf(subject: string, conventional: Conventional, tags: readonly string[] = []): ReleaseInfo | undefined {
  const fromMessage = releaseOfMessage(subject, conventional);
  const tagged = tags.map(versionOfTag).find((v): v is string => v !== undefined);
  if (fromMessage && (tagged === undefined || tagged === fromMessage.version)) {
    if (fromMessage.bump && isDevelopmentVersion(fromMessage.version) && tagged === undefined) return undefined;
    return { version: fromMessage.version, commit: true };
  }
  if (tagged !== undefined) return { version: tagged, commit: fromMessage !== undefined };
  return undefined;
}

/** Changesets' release pull request: `Version Packages`, `chore: version packages`, `chore(release): version packages`. */
const CHANGESETS_TITLE = /^(?:(?:chore|release|ci|build)(?:\([^)]*\))?!?:\s*)?version packages(?:\s*\((?:#|!)\d+\))?$/iu;
/** A package of its body, as the changesets action writes it: `## @scope/name@1.2.0`. */
const CHANGESETS_PACKAGE = new RegExp(String.raw`^#{2,3}\s+((?:@[\w.-]+\/)?[\w.-]+)@${VERSION}\s*$`, 'gmu');

/**
 * A changesets `Version Packages` commit (its title; the packages and versions from the body the
 * changesets action writes, `## @northwind/ui@3.1.0`): one release of several packages, each with
 * its own version. Without a list in the body, a release of unnamed packages (`packages: []`).
 */
export function changesetsRelease(title: string, body: string): ReleaseInfo | undefined {
  if (!CHANGESETS_TITLE.test(title.trim())) return undefined;
  const packages: ReleasedPackage[] = [];
  for (const m of body.matchAll(CHANGESETS_PACKAGE)) {
    if (!packages.some((p) => p.name === m[1])) packages.push({ name: m[1], version: m[2] });
  }
  return { version: packages[0]?.version ?? '', commit: true, packages };
}

/** The name a client reads for a package: without its npm scope (`@northwind/ui` → `ui`). */
export function plainPackageName(name: string): string {
  return name.replace(/^@[\w.-]+\//u, '');
}
