/**
 * The demo's own source, which every generated figure cites (the survey shares cite theirs, see
 * barriers.ts).
 */
import type { Source } from '../../../src/domain/model.ts';

export const DEMO_SOURCE_ID = 'demo';
export const DEMO_YEAR = 2024;

export const demoSource = (seed: number): Source => ({
  id: DEMO_SOURCE_ID,
  producer: 'Générateur de démonstration',
  title: 'Département de démonstration : communes, populations, bénéficiaires et offre fictifs',
  licence: 'Données fictives, libres de réutilisation',
  millesime: `${DEMO_YEAR} (fictif)`,
  url: '',
  note: `Généré par scripts/demo (graine ${seed}). Aucune de ces données ne décrit un territoire réel.`,
});
