/** Rendering a draft for people and mail clients: markdown, plain text, HTML, `.eml`, `mailto:`. */
export { createMarkdownRenderer, isAllowedLink, markdownToHtml, markdownToHtmlDocument, markdownToText } from './markdown';
export { buildEml, mailtoUrl, MAILTO_MAX_LENGTH, type EmlOptions } from './mail';
export { findBlanks, type Blank } from './blanks';
