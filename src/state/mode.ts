/**
 * The tool the user is working with. One component per mode renders its controls and panel;
 * the map shows what the mode asks for.
 */
export type Mode = { kind: 'explore' };

export const MODE_LABELS: Record<Mode['kind'], string> = {
  explore: 'Explorer',
};
