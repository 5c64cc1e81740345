/**
 * The heavy libraries, loaded the first time they are used rather than when a bundle loads, so the
 * extension's activation and the CLI's start read none of them: markdown-it (the clients.md
 * parser), mustache (draft templates) and nodemailer (only `.eml` export). In the node bundles
 * esbuild.js maps each of these requires to its own file in `dist/vendor/`; from source (tests)
 * they are the packages themselves.
 */
import type MarkdownItClass from 'markdown-it';
import type MustacheModule from 'mustache';
import type MailComposerClass from 'nodemailer/lib/mail-composer';

/**
 * Node's CommonJS `require`, declared here so the webview's DOM-only type check (which reaches this
 * file through core/export/markdown.ts) accepts it; its bundle resolves the call at build time
 * (nodemailer is external there: the page never builds a mail).
 */
declare const require: (id: string) => unknown;

/** A CommonJS package as itself, an ES module's bundle as its `default`. */
function unwrap<T>(loaded: T | { default: T }): T {
  const d = (loaded as { default?: T }).default;
  return d ?? (loaded as T);
}

let markdownIt: typeof MarkdownItClass | undefined;
let mustache: typeof MustacheModule | undefined;

export function loadMarkdownIt(): typeof MarkdownItClass {
  return (markdownIt ??= unwrap(require('markdown-it') as typeof MarkdownItClass));
}

export function loadMustache(): typeof MustacheModule {
  return (mustache ??= unwrap(require('mustache') as typeof MustacheModule));
}

export function loadMailComposer(): typeof MailComposerClass {
  return unwrap(require('nodemailer/lib/mail-composer') as typeof MailComposerClass);
}
