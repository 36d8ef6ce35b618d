/** French wording of a scenario's edits, shared by the reach tool and the projector. */
import type { ScenarioEdit } from '../../domain/reach/scenario.ts';

/** One edit of the scenario in words. */
export function editText(
  edit: ScenarioEdit,
  siteName: (id: string) => string,
  communeName: (code: string) => string,
): string {
  switch (edit.op) {
    case 'open':
      return `Ouverture : ${edit.site.name}`;
    case 'close':
      return `Fermeture : ${siteName(edit.siteId)}`;
    case 'move':
      return `Déplacement : ${siteName(edit.siteId)} vers ${communeName(edit.communeCode)}`;
  }
}
