/**
 * The presentation being prepared or shown. The story is autosaved in the browser by the app
 * shell; files are the way to share it.
 */
import { emptyStory, moveStep, type Story, type StoryStep } from './story.ts';

export class Presentation {
  story = $state<Story>(emptyStory());
  /** Index of the step on screen while presenting, null otherwise. */
  index = $state<number | null>(null);
  editorOpen = $state(false);

  get presenting(): boolean {
    return this.index !== null;
  }

  get current(): StoryStep | null {
    return this.index === null ? null : (this.story.steps[this.index] ?? null);
  }

  addStep(view: string, title: string): number {
    this.story.steps.push({ title, text: '', view });
    return this.story.steps.length - 1;
  }

  /** Replaces a step's view by the one on screen; its title, text and figures stay. */
  updateStep(i: number, view: string): boolean {
    const step = this.story.steps[i];
    if (!step || step.view === view) return false;
    step.view = view;
    return true;
  }

  /** Shows or hides one of a step's figures; `all` is the mode's usual list, for a first choice. */
  toggleFigure(i: number, id: string, all: readonly string[]): void {
    const step = this.story.steps[i];
    if (!step) return;
    const current = step.figures ?? [...all];
    step.figures = current.includes(id) ? current.filter((f) => f !== id) : [...current, id];
  }

  removeStep(i: number): void {
    this.story.steps.splice(i, 1);
  }

  move(from: number, to: number): void {
    this.story.steps = moveStep(this.story.steps, from, to);
  }

  start(at = 0): boolean {
    if (this.story.steps.length === 0) return false;
    this.index = Math.min(Math.max(0, at), this.story.steps.length - 1);
    return true;
  }

  /** Moves by `delta` steps; false when already at the end. */
  go(delta: number): boolean {
    if (this.index === null) return false;
    const next = this.index + delta;
    if (next < 0 || next >= this.story.steps.length) return false;
    this.index = next;
    return true;
  }

  stop(): void {
    this.index = null;
  }
}
