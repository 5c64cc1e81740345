/**
 * How a contact is greeted, for the weekly update and the handover letter alike (one rule).
 *
 * Names in scripts that write the family name first and without spaces (Chinese, Japanese,
 * Korean) are used whole: 「李娜，您好！」, "Dear 김민준,". Other names are greeted by their first
 * word, whatever the script: "Jane" for Jane Doe, "Иван" for Иван Петров, "محمد" for محمد علي.
 */

const WHOLE_NAME_SCRIPTS = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** The name to greet `fullName` by; undefined for a missing or blank name. */
export function greetingName(fullName: string | undefined): string | undefined {
  const name = fullName?.trim().replace(/\s+/gu, ' ');
  if (!name) return undefined;
  if (WHOLE_NAME_SCRIPTS.test(name)) return name;
  return name.split(' ')[0];
}
