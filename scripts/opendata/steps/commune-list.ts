/**
 * Step "commune list": the communes of the COG 2024 (scripts/opendata/cog.ts), their former
 * codes and, when the folder has INSEE's passage table, the code changes since earlier
 * millésimes. Every later step finds communes through its index.
 */
import {
  composePassages,
  readPassageTable,
  type CodeChange,
} from '../../../src/domain/import/cog-history.ts';
import { CommuneIndex } from '../../../src/domain/import/commune-index.ts';
import { COG_YEAR, loadCog, type CogDepartement } from '../cog.ts';
import { findFile, readTableFile } from '../files.ts';
import { SOURCES } from '../sources.ts';
import type { BuildContext } from './context.ts';

export interface CommuneList {
  cog: CogDepartement;
  passages: Map<string, CodeChange>;
  /** Codes of the COG's communes, in COG order. */
  codes: string[];
  /** Codes, names and former codes (no points yet: see the communes step). */
  index: CommuneIndex;
}

export function communeListStep(ctx: BuildContext): CommuneList {
  const cog = loadCog(ctx.dep);
  ctx.use(SOURCES.cog);
  const passageFile = findFile(ctx.from, 'territoires', /passage.*\.csv$/i);
  let passages = new Map<string, CodeChange>();
  if (passageFile) {
    passages = composePassages(readPassageTable(readTableFile(passageFile)), COG_YEAR);
    ctx.use(SOURCES.passage);
  }
  return {
    cog,
    passages,
    codes: cog.communes.map((c) => c.code),
    index: new CommuneIndex(cog.communes, cog.formers),
  };
}
