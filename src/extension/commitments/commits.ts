/**
 * The commits linked to a commitment by its tags (core linking), for tooltips. Git runs only in
 * a trusted workspace (the caller checks); one year of history is read once per clients-file
 * text and kept for a minute: messages only (no file lists, so git computes no diffs) and at most
 * MAX_COMMITS of them, so a hover stays fast however large the repository.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { errorText } from '../notices';
import type { Commitment } from '../../core/clients/model';
import { addDays } from '../../core/calendar';
import { readCommits } from '../../core/git/activity';
import { makeLinker } from '../../core/git/link';
import type { Commit } from '../../core/git/types';
import type { ClientsEntry } from '../clientsStore';
import type { Services } from '../services';
import { isTrusted } from '../trust';

export interface Linked {
  commits: Commit[];
  error?: string;
}

interface Cached {
  text: string;
  at: number;
  byId: Promise<Map<string, Commit[]> | { error: string }>;
}

const TTL_MS = 60_000;
const HISTORY_DAYS = 365;
const MAX_COMMITS = 20_000;

export class LinkedCommits {
  private readonly cache = new Map<string, Cached>();

  constructor(private readonly services: Services) {}

  async linkedTo(entry: ClientsEntry, commitment: Commitment, _token: vscode.CancellationToken): Promise<Linked> {
    const key = entry.uri.toString();
    let cached = this.cache.get(key);
    if (!cached || cached.text !== entry.text || Date.now() - cached.at > TTL_MS) {
      cached = { text: entry.text, at: Date.now(), byId: this.read(entry) };
      this.cache.set(key, cached);
    }
    const byId = await cached.byId;
    if ('error' in byId) return { commits: [], error: byId.error };
    return { commits: byId.get(commitment.id) ?? [] };
  }

  private async read(entry: ClientsEntry): Promise<Map<string, Commit[]> | { error: string }> {
    const today = this.services.today();
    const linker = makeLinker(entry.file);
    const byId = new Map<string, Commit[]>();
    if (!isTrusted()) return { error: vscode.l10n.t('Linked commits are not read in Restricted Mode.') };
    try {
      await readCommits(
        { cwd: path.dirname(entry.uri.fsPath), period: { since: addDays(today, -HISTORY_DAYS), until: today }, files: false, maxCount: MAX_COMMITS },
        (commit) => {
          for (const id of linker.link(commit)) {
            const list = byId.get(id) ?? [];
            list.push(commit);
            byId.set(id, list);
          }
        },
        { timeoutMs: 15_000 },
      );
      return byId;
    } catch (e) {
      this.services.log.warn(`linked commits: ${e instanceof Error ? e.message : String(e)}`);
      return { error: errorText(e) };
    }
  }

  clear(): void {
    this.cache.clear();
  }
}
