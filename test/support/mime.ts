/**
 * A small, strict reader of the MIME messages our tests produce: header unfolding, RFC 2047
 * encoded words, multipart bodies, base64 and quoted-printable. Independent of nodemailer so that
 * the tests check the bytes, not the library's own view of them.
 */

export interface MimePart {
  headers: Map<string, string>;
  /** Decoded body text (UTF-8). */
  body: string;
  parts: MimePart[];
}

function decodeQ(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '_') bytes.push(0x20);
    else if (c === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(c.charCodeAt(0));
  }
  return Buffer.from(bytes);
}

/** Decodes `=?UTF-8?B?…?=` / `=?UTF-8?Q?…?=` words; whitespace between adjacent words is dropped. */
export function decodeWords(value: string): string {
  const word = /=\?([^?]+)\?([BQbq])\?([^?]*)\?=/g;
  const chunks: Buffer[] = [];
  let last = 0;
  let previousWasWord = false;
  for (const m of value.matchAll(word)) {
    const between = value.slice(last, m.index);
    if (!(previousWasWord && /^\s*$/.test(between))) chunks.push(Buffer.from(between, 'utf8'));
    if (m[1].toLowerCase() !== 'utf-8') throw new Error(`unexpected charset ${m[1]}`);
    chunks.push(m[2].toUpperCase() === 'B' ? Buffer.from(m[3], 'base64') : decodeQ(m[3]));
    last = (m.index ?? 0) + m[0].length;
    previousWasWord = true;
  }
  chunks.push(Buffer.from(value.slice(last), 'utf8'));
  return Buffer.concat(chunks).toString('utf8');
}

function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r?\n/g, '');
  return decodeQ(joined.replace(/_/g, '=5F')).toString('utf8');
}

export function parseMime(raw: string): MimePart {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const rest = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    const pieces = rest.split(`--${boundary}`);
    const parts = pieces
      .slice(1)
      .filter((p) => !p.startsWith('--'))
      .map((p) => parseMime(p.replace(/^\r?\n/, '')));
    return { headers, body: '', parts };
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const body =
    encoding === 'base64'
      ? Buffer.from(rest.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(rest)
        : rest;
  return { headers, body, parts: [] };
}

/** All leaf parts, depth first. */
export function leaves(part: MimePart): MimePart[] {
  return part.parts.length ? part.parts.flatMap(leaves) : [part];
}
