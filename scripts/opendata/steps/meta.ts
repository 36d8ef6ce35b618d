/**
 * Step "meta" (meta.json, sources.arrow): the description of the département's dataset, its
 * schemes, need indicators and every source the other steps cited.
 */
import type { DatasetBundle } from '../../../src/domain/dataset.ts';
import type { SchemeBuild } from '../zonings.ts';
import type { CogDepartement } from '../cog.ts';
import type { Communes } from './communes.ts';
import type { BuildContext } from './context.ts';
import type { Needs } from './needs.ts';

export const datasetIdOf = (dep: string) => `dep-${dep.toLowerCase()}`;

export function metaStep(
  ctx: BuildContext,
  cog: CogDepartement,
  schemes: readonly SchemeBuild[],
  { populationSourceId, index }: Communes,
  { needIndicators, defaultNeed }: Needs,
): DatasetBundle['meta'] {
  return {
    id: datasetIdOf(ctx.dep),
    name: `${cog.name} (${ctx.dep})`,
    departement: { code: ctx.dep, name: cog.name },
    fictional: false,
    schemes: schemes.map((s) => s.scheme),
    needIndicators,
    defaultNeed,
    populationSourceId,
    sources: ctx.sources,
    reports: 'reports.json',
    formerCommunes: index.formers,
  };
}
