/**
 * The one decoder of the clients file, for the CLI, the extension and the edits: UTF-8, with or
 * without a BOM (kept in the text, as the parser's offsets expect). Another encoding would be read
 * as garbled text (Latin-1 `Café` as `Caf�`), so it is refused, saying where and what to do.
 */

import { NoticeError, type ClientsFileNotice } from '../notices';
import { brandClass } from '../brand';

export type DecodeProblem = { code: 'utf16' } | { code: 'not-utf8'; line: number };

/** The file is not UTF-8; the notice says where and how to re-save it. */
export class ClientsFileDecodeError extends NoticeError<ClientsFileNotice> {
  override readonly name = 'ClientsFileDecodeError';
  constructor(readonly file: string, readonly problem: DecodeProblem) {
    super(decodeNotice(file, problem));
  }
}
brandClass(ClientsFileDecodeError, 'ClientsFileDecodeError');

/** The problem as a notice, with how to re-save the file (`… is not valid UTF-8 (first at line 3); …`). */
export function decodeNotice(file: string, p: DecodeProblem): ClientsFileNotice {
  return p.code === 'utf16' ? { code: 'clients-file.utf16', file } : { code: 'clients-file.not-utf8', file, line: p.line };
}

/** The text of the clients file's bytes; throws `ClientsFileDecodeError` when they are not UTF-8. */
export function decodeClientsFile(bytes: Uint8Array, file: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw new ClientsFileDecodeError(file, { code: 'utf16' });
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // The first replacement character of a lenient decoding is where the bytes stop being UTF-8.
    const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const line = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD'))).split('\n').length;
    throw new ClientsFileDecodeError(file, { code: 'not-utf8', line });
  }
}
