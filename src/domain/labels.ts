/**
 * French labels of the domain's codes, shared by the interface and the headless reports.
 */
import type { Axis, DensityLevel, MobilityService, SiteKind } from './model.ts';

export const AXIS_LABELS: Record<Axis, string> = {
  accueil: 'Accueil et orientation',
  mobilite: 'Levée des freins : mobilité',
  garde_enfants: "Levée des freins : garde d'enfants",
  numerique: 'Levée des freins : numérique',
  remobilisation: 'Remobilisation professionnelle',
  mediation_emploi: "Médiation directe à l'emploi",
  accompagnement_social: 'Accompagnement insertion sociale',
  innovation: 'Innovation, expérimentation',
  iae: "Insertion par l'activité économique (SIAE)",
};

export const SITE_KIND_LABELS: Record<SiteKind, string> = {
  mds: 'Maison départementale des solidarités',
  ccas: 'CCAS / CIAS',
  france_services: 'France Services',
  caf_msa: 'Accueil CAF / MSA',
  france_travail: 'Agence France Travail',
  siae: "Structure d'insertion par l'activité économique",
  mobilite: 'Service de mobilité solidaire',
  action: "Action d'insertion",
};

export const MOBILITY_SERVICE_LABELS: Record<MobilityService, string> = {
  plateforme_mobilite: 'Plateforme de mobilité',
  garage_solidaire: 'Garage solidaire',
  auto_ecole_sociale: 'Auto-école sociale',
  transport_a_la_demande: 'Transport à la demande',
  covoiturage_solidaire: 'Covoiturage solidaire',
};

export const DENSITY_LABELS: Record<DensityLevel, string> = {
  1: 'Dense',
  2: 'Densité intermédiaire',
  3: 'Peu dense',
  4: 'Très peu dense',
};
