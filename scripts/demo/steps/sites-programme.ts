/**
 * The programme's offer of the demo (part of the "sites" step): SIAE, PDI actions by axis and
 * mobility services.
 */
import type { Axis } from '../../../src/domain/model.ts';
import { associationName } from '../names.ts';
import { at } from '../plane.ts';
import type { SitePlacement } from './site-placement.ts';
import { ofPlace } from '../../../src/domain/french.ts';

export function programmeSites({ land, rnd, nm, towns, add }: SitePlacement): void {
  const { poleCells, bourgCells, interior } = land;
  // SIAE: mostly in poles and their rings; some rural ACI (market gardening, green spaces).
  const siaeCapacity = { ACI: [12, 30], EI: [5, 20], AI: [20, 60], ETTI: [10, 40] } as const;
  const siaeHosts = [...towns.slice(0, 30), ...bourgCells];
  for (let s = 0; s < 46; s++) {
    const measure = rnd.pick(['ACI', 'ACI', 'ACI', 'EI', 'EI', 'AI', 'ETTI'] as const);
    const host = s < 40 ? rnd.pick(siaeHosts) : rnd.pick(interior);
    const [lo, hi] = siaeCapacity[measure];
    const activity = rnd.pick([
      'maraîchage',
      'espaces verts',
      'recyclerie',
      'bâtiment',
      'restauration',
      'propreté',
      'mobilité',
    ]);
    add(
      host,
      'siae',
      measure,
      ['iae'],
      `${measure} ${activity} ${ofPlace(nm(host))}`,
      rnd.int(lo, hi),
      associationName(rnd, nm(host)),
      "Personnes éloignées de l'emploi (pass IAE)",
    );
  }
  // Actions of the PDI, by axis. Some axes are concentrated in the poles on purpose: the gaps
  // view has gaps to show.
  const actionAxes: { axis: Axis; count: number; rural: number; title: string }[] = [
    { axis: 'remobilisation', count: 22, rural: 0.35, title: 'Atelier de remobilisation' },
    { axis: 'mediation_emploi', count: 16, rural: 0.25, title: "Médiation vers l'emploi" },
    {
      axis: 'accompagnement_social',
      count: 20,
      rural: 0.4,
      title: 'Accompagnement social renforcé',
    },
    {
      axis: 'garde_enfants',
      count: 9,
      rural: 0.15,
      title: "Solution de garde pour parents en parcours d'insertion",
    },
    { axis: 'numerique', count: 14, rural: 0.3, title: 'Atelier numérique' },
    { axis: 'innovation', count: 6, rural: 0.3, title: 'Expérimentation' },
  ];
  for (const a of actionAxes) {
    for (let s = 0; s < a.count; s++) {
      const host = rnd.chance(a.rural)
        ? rnd.pick([...bourgCells, ...interior.slice(0, 200)])
        : rnd.pick(towns.slice(0, 25));
      const axes: Axis[] = [a.axis];
      if (a.axis === 'remobilisation' && rnd.chance(0.3)) axes.push('accompagnement_social');
      add(
        host,
        'action',
        '',
        axes,
        `${a.title} — ${nm(host)}`,
        rnd.int(8, 40),
        associationName(rnd, nm(host)),
        'Allocataires du RSA',
      );
    }
  }
  // Mobility services (PRODUCT.md, question 3).
  const mobility: { detail: string; count: number; cap: [number, number]; label: string }[] = [
    { detail: 'plateforme_mobilite', count: 2, cap: [300, 600], label: 'Plateforme de mobilité' },
    { detail: 'garage_solidaire', count: 3, cap: [80, 150], label: 'Garage solidaire' },
    { detail: 'auto_ecole_sociale', count: 3, cap: [40, 80], label: 'Auto-école sociale' },
    {
      detail: 'transport_a_la_demande',
      count: 2,
      cap: [150, 250],
      label: 'Transport à la demande',
    },
    { detail: 'covoiturage_solidaire', count: 2, cap: [60, 120], label: 'Covoiturage solidaire' },
  ];
  mobility.forEach((m, mi) => {
    for (let s = 0; s < m.count; s++) {
      const host = mi === 0 ? at(poleCells, s) : rnd.pick([...poleCells, ...bourgCells]);
      add(
        host,
        'mobilite',
        m.detail,
        ['mobilite'],
        `${m.label} ${ofPlace(nm(host))}`,
        rnd.int(m.cap[0], m.cap[1]),
        associationName(rnd, nm(host)),
        "Personnes en parcours d'insertion",
      );
    }
  });
}
