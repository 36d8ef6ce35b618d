/**
 * Presentation stories: a sequence of prepared views with a title and a short text each. A step's
 * view is stored as the URL query of that view (`?d=demo&s=pti&c=…`): the same documented
 * contract as shared links, so a story keeps working as the app grows.
 */
import { decodeView, type ViewParams } from './url.ts';

export const STORY_FORMAT = 'carte-insertion-presentation';

export interface StoryStep {
  title: string;
  text: string;
  /** URL query of the view (see README, "Paramètres d'URL"). */
  view: string;
  /**
   * The figures shown beside the map while presenting, by id (src/ui/presentation/step-figures.ts);
   * absent: the mode's usual ones.
   */
  figures?: string[];
}

export interface Story {
  format: typeof STORY_FORMAT;
  version: 1;
  title: string;
  steps: StoryStep[];
}

export function emptyStory(): Story {
  return { format: STORY_FORMAT, version: 1, title: 'Présentation', steps: [] };
}

export const MAX_TITLE = 120;
export const MAX_TEXT = 1200;
/** A figure id: lower-case words joined by hyphens. */
const FIGURE_ID = /^[a-z][a-z0-9-]{0,40}$/;

/** Reads a story file; a step that cannot be read is reported and left out. */
export function parseStory(text: string): { story: Story | null; errors: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { story: null, errors: ["Le fichier n'est pas du JSON valide."] };
  }
  if (typeof raw !== 'object' || raw === null) {
    return { story: null, errors: ['Le fichier ne décrit pas une présentation.'] };
  }
  const r = raw as Record<string, unknown>;
  if (r.format !== STORY_FORMAT) {
    return {
      story: null,
      errors: [`Format inattendu : « ${String(r.format)} » (attendu : ${STORY_FORMAT}).`],
    };
  }
  if (r.version !== 1) {
    return {
      story: null,
      errors: [`Version ${String(r.version)} non prise en charge (attendu : 1).`],
    };
  }
  const errors: string[] = [];
  const steps: StoryStep[] = [];
  const list = Array.isArray(r.steps) ? r.steps : [];
  if (!Array.isArray(r.steps)) errors.push('La liste « steps » manque.');
  list.forEach((s: unknown, i) => {
    const step = s as Record<string, unknown> | null;
    if (!step || typeof step.title !== 'string' || typeof step.view !== 'string') {
      errors.push(`Étape ${i + 1} ignorée : il lui faut un titre et une vue.`);
      return;
    }
    const figures = Array.isArray(step.figures)
      ? step.figures.filter((f): f is string => typeof f === 'string' && FIGURE_ID.test(f))
      : undefined;
    steps.push({
      title: step.title.slice(0, MAX_TITLE),
      text: typeof step.text === 'string' ? step.text.slice(0, MAX_TEXT) : '',
      view: step.view.startsWith('?') ? step.view : `?${step.view}`,
      ...(figures ? { figures } : {}),
    });
  });
  const title = typeof r.title === 'string' ? r.title.slice(0, MAX_TITLE) : 'Présentation';
  return { story: { format: STORY_FORMAT, version: 1, title, steps }, errors };
}

export function stepView(step: StoryStep): ViewParams {
  return decodeView(step.view);
}

/** Moves the step at `from` to `to`, returning a new list. */
export function moveStep(steps: readonly StoryStep[], from: number, to: number): StoryStep[] {
  if (from < 0 || from >= steps.length || to < 0 || to >= steps.length) return [...steps];
  const out = [...steps];
  const [s] = out.splice(from, 1);
  out.splice(to, 0, s as StoryStep);
  return out;
}
