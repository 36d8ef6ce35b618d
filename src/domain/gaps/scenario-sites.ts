/**
 * The offer as a scenario leaves it: the dataset's sites with the scenario's edits applied in
 * order (closed sites gone, moved ones at their new place, opened ones added). The coverage and
 * mobility figures are computed on this list, so that a site opened in any view (a proposed
 * mobility platform, an accueil opened on the reach map) counts in all of them, and the headless
 * reports take the same scenario file.
 */
import { defaultAxes } from '../import/offer-vocabulary.ts';
import type { Site } from '../model.ts';
import { ScenarioError, type ScenarioEdit } from '../reach/scenario.ts';

/** Source id of the sites a scenario opens. */
export const SCENARIO_SOURCE_ID = 'scenario';

export function sitesUnderScenario(sites: readonly Site[], edits: readonly ScenarioEdit[]): Site[] {
  const byId = new Map(sites.map((s) => [s.id, s]));
  const closed = new Set<string>();
  const problems: string[] = [];
  edits.forEach((e, i) => {
    const where = `modification n° ${i + 1}`;
    switch (e.op) {
      case 'open': {
        if (byId.has(e.site.id)) {
          problems.push(`${where} : un site porte déjà l'identifiant ${e.site.id}`);
          return;
        }
        const s = e.site;
        byId.set(s.id, {
          id: s.id,
          name: s.name,
          kind: s.kind,
          detail: '',
          axes: defaultAxes(s.kind),
          capacity: s.capacity,
          lon: s.lon,
          lat: s.lat,
          communeCode: s.communeCode,
          operator: '',
          public: '',
          hours: '',
          sourceId: SCENARIO_SOURCE_ID,
        });
        return;
      }
      case 'close':
      case 'move': {
        const site = byId.get(e.siteId);
        if (!site || closed.has(e.siteId)) {
          problems.push(`${where} : site ${e.siteId} ${site ? 'fermé' : 'inconnu'}`);
          return;
        }
        if (e.op === 'close') closed.add(e.siteId);
        else byId.set(e.siteId, { ...site, lon: e.lon, lat: e.lat, communeCode: e.communeCode });
        return;
      }
    }
  });
  if (problems.length > 0) throw new ScenarioError(problems);
  return [...byId.values()].filter((s) => !closed.has(s.id));
}
