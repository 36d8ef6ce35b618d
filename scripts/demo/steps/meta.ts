/**
 * Step "meta" (meta.json, sources.arrow): the demo dataset's description, its schemes, need
 * indicators and sources.
 */
import type { DatasetBundle } from '../../../src/domain/dataset.ts';
import { NEED_RSA_FOYERS, type Source } from '../../../src/domain/model.ts';
import { DEP_CODE } from './communes.ts';
import { DEMO_SOURCE_ID } from './sources.ts';

export const DEMO_ID = 'demo';

export function metaStep(sources: readonly Source[]): DatasetBundle['meta'] {
  return {
    id: DEMO_ID,
    name: 'Département de démonstration (données fictives)',
    departement: { code: DEP_CODE, name: 'Département de démonstration' },
    fictional: true,
    schemes: [
      { id: 'epci', label: 'EPCI', unitLabel: 'EPCI', sourceId: DEMO_SOURCE_ID },
      {
        id: 'bv2022',
        label: 'Bassins de vie',
        unitLabel: 'bassin de vie',
        sourceId: DEMO_SOURCE_ID,
      },
      { id: 'pti', label: 'Territoires PTI', unitLabel: 'territoire', sourceId: DEMO_SOURCE_ID },
    ],
    needIndicators: [
      {
        id: NEED_RSA_FOYERS,
        label: 'Foyers allocataires du RSA',
        unit: 'foyers',
        sourceId: DEMO_SOURCE_ID,
      },
      {
        id: 'rsa_sdd',
        label: 'Personnes soumises aux droits et devoirs',
        unit: 'personnes',
        sourceId: DEMO_SOURCE_ID,
      },
      {
        id: 'demandeurs_emploi',
        label: "Demandeurs d'emploi",
        unit: 'personnes',
        sourceId: DEMO_SOURCE_ID,
      },
    ],
    defaultNeed: NEED_RSA_FOYERS,
    populationSourceId: DEMO_SOURCE_ID,
    sources: [...sources].sort((a, b) => a.id.localeCompare(b.id)),
  };
}
