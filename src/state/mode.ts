/**
 * The tool the user is working with, as a discriminated union: each mode carries its own
 * parameters. One component per mode renders its controls and panel, and one map mode its layers.
 */
export type Mode =
  | { kind: 'explore' }
  | { kind: 'reach' }
  | { kind: 'gaps' }
  | { kind: 'mobility' }
  | { kind: 'import' };

export const MODE_LABELS: Record<Mode['kind'], string> = {
  explore: 'Explorer',
  reach: "Temps d'accès",
  gaps: 'Couverture',
  mobility: 'Mobilité',
  import: 'Importer',
};

/** Modes of the planners' app only: the public read-only version has no import. */
export const PLANNER_ONLY_MODES: readonly Mode['kind'][] = ['import'];

/** The mode as it opens when the user picks its tab. */
export function defaultMode(kind: Mode['kind']): Mode {
  switch (kind) {
    case 'explore':
      return { kind: 'explore' };
    case 'reach':
      return { kind: 'reach' };
    case 'gaps':
      return { kind: 'gaps' };
    case 'mobility':
      return { kind: 'mobility' };
    case 'import':
      return { kind: 'import' };
  }
}
