/**
 * What the assumptions of a figure depend on besides its table (assumptions.ts): the
 * département, the need indicator in use and its source, the kinds the data has no site of.
 */
import { offerCompleteness } from '../domain/completeness.ts';
import type { FigureContext } from '../domain/assumptions.ts';
import type { SiteKind } from '../domain/model.ts';
import type { TravelModel } from '../domain/travel/model.ts';
import type { AppState } from '../state/app-state.svelte.ts';

export function figureContext(app: AppState, model?: TravelModel | null): FigureContext {
  const need = app.needIndicator;
  const src = need ? app.data.sourceById(need.sourceId) : undefined;
  return {
    departementCode: app.data.meta?.departement.code ?? '',
    needId: app.needId,
    needLabel: app.needLabel,
    needSource: src
      ? { id: src.id, label: `${src.producer}, ${src.title}`, millesime: src.millesime }
      : undefined,
    model: model ?? undefined,
  };
}

/** The kinds of sites the data has none of. */
export function absentKinds(app: AppState): SiteKind[] {
  if (!app.data.ready) return [];
  return offerCompleteness(app.data.sites, [], new Date()).absentKinds;
}
