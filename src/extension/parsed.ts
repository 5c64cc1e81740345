/**
 * clients.md parsed once per content: the store, the commands that locate a commitment again
 * before an edit and the quick fixes all ask for the parse of the same text, which is computed
 * once and kept (the last few texts; the key is the text itself, whose hash V8 computes once).
 * Parsed files are treated as read-only by every caller.
 */
import type { ClientsFile } from '../core/clients/model';
import { parseClients } from '../core/clients/parse';

const MAX_TEXTS = 4;
const parsed = new Map<string, ClientsFile>();

export function parseClientsOnce(text: string): ClientsFile {
  const known = parsed.get(text);
  if (known) {
    // Most recently used last.
    parsed.delete(text);
    parsed.set(text, known);
    return known;
  }
  const file = parseClients(text);
  if (parsed.size >= MAX_TEXTS) parsed.delete(parsed.keys().next().value as string);
  parsed.set(text, file);
  return file;
}
