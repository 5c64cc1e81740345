/**
 * The lead's edits of a panel closed before they were saved: kept in the workspace state (one
 * entry per panel key, the newest wins) and offered once when the same draft or document is opened
 * again. Restoring or discarding it on the page, or saving the text, forgets it.
 */
import type * as vscode from 'vscode';
import type { KeptEdits } from '../../shared/protocol';
import { MAX_TEXT } from '../../shared/protocol';

const STATE_KEY = 'clientPulse.keptEdits';
/** Old entries are dropped beyond this many panels. */
const MAX_ENTRIES = 50;

type Stored = Record<string, KeptEdits>;

function isKept(x: unknown): x is KeptEdits {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  return typeof o.markdown === 'string' && o.markdown.length <= MAX_TEXT && typeof o.subject === 'string' && typeof o.keptAt === 'string';
}

export class KeptEditsStore {
  constructor(private readonly memento: vscode.Memento) {}

  private read(): Stored {
    const raw = this.memento.get<unknown>(STATE_KEY);
    const out: Stored = {};
    if (typeof raw !== 'object' || raw === null) return out;
    for (const [key, value] of Object.entries(raw as Record<string, unknown>)) if (isKept(value)) out[key] = value;
    return out;
  }

  get(key: string): KeptEdits | undefined {
    return this.read()[key];
  }

  async keep(key: string, edits: KeptEdits): Promise<void> {
    const all = this.read();
    delete all[key];
    all[key] = edits;
    const keys = Object.keys(all);
    for (const old of keys.slice(0, Math.max(0, keys.length - MAX_ENTRIES))) delete all[old];
    await this.memento.update(STATE_KEY, all);
  }

  async forget(key: string): Promise<void> {
    const all = this.read();
    if (!(key in all)) return;
    delete all[key];
    await this.memento.update(STATE_KEY, all);
  }
}
