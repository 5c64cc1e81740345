/** A draft gathered from a real repository and composed, as the CLI and the panel do (tests). */
import * as path from 'node:path';
import type { Language } from '../../src/core/clients/model';
import { composeDraft } from '../../src/core/draft/compose';
import { gatherDraftInput } from '../../src/core/draft/gather';
import type { Draft } from '../../src/core/draft/types';
import type { Period } from '../../src/core/git/types';

export interface RepoDraftOptions {
  repo: string;
  clientsText: string;
  client: string;
  period: Period;
  today: string;
  language: Language;
  audience?: 'client' | 'internal';
}

export async function draftFromRepo(o: RepoDraftOptions): Promise<Draft> {
  const gathered = await gatherDraftInput({
    roots: [o.repo],
    clientsText: o.clientsText,
    projectDir: path.join(o.repo, '.project'),
    client: o.client,
    period: o.period,
    today: o.today,
    weekStart: 'monday',
    audience: o.audience ?? 'client',
    language: o.language,
  });
  return composeDraft(gathered.input);
}
