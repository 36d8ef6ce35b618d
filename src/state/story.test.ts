import { describe, expect, it } from 'vitest';
import { STORY_FORMAT, moveStep, parseStory, stepView } from './story.ts';

const file = (steps: unknown, extra: object = {}) =>
  JSON.stringify({ format: STORY_FORMAT, version: 1, title: 'Atelier PTI', steps, ...extra });

describe('story files', () => {
  it('round-trips a story and reads its views through the URL codec', () => {
    const steps = [
      { title: 'Le département', text: 'Vue d’ensemble', view: '?d=demo&s=pti' },
      { title: 'Zoom', text: '', view: 's=epci&t=200001001&c=2.4,46.9,9' },
    ];
    const { story, errors } = parseStory(file(steps));
    expect(errors).toEqual([]);
    expect(story!.steps).toHaveLength(2);
    expect(parseStory(JSON.stringify(story)).story).toEqual(story);
    expect(stepView(story!.steps[1]!)).toMatchObject({
      scheme: 'epci',
      territory: '200001001',
      camera: { lon: 2.4, lat: 46.9, zoom: 9 },
    });
  });

  it('reports what it cannot read and keeps the rest', () => {
    expect(parseStory('not json').story).toBeNull();
    expect(parseStory(JSON.stringify({ format: 'other', version: 1 })).errors[0]).toMatch(
      /Format inattendu/,
    );
    const { story, errors } = parseStory(
      file([{ title: 'ok', view: '?s=pti' }, { text: 'no title' }, 42]),
    );
    expect(story!.steps).toHaveLength(1);
    expect(errors).toHaveLength(2);
  });

  it('moves steps', () => {
    const s = ['a', 'b', 'c'].map((title) => ({ title, text: '', view: '?' }));
    expect(moveStep(s, 0, 2).map((x) => x.title)).toEqual(['b', 'c', 'a']);
    expect(moveStep(s, 2, 1).map((x) => x.title)).toEqual(['a', 'c', 'b']);
    expect(moveStep(s, 5, 1)).toEqual(s);
  });
});

describe('step figures', () => {
  it('keeps the figure ids a step names, and drops what is not an id', () => {
    const text = JSON.stringify({
      format: STORY_FORMAT,
      version: 1,
      title: 'Atelier',
      steps: [
        { title: 'a', view: '?m=reach', figures: ['reach-need-beyond', '<b>', 42, 'population'] },
        { title: 'b', view: '?' },
      ],
    });
    const { story } = parseStory(text);
    expect(story!.steps[0]!.figures).toEqual(['reach-need-beyond', 'population']);
    expect(story!.steps[1]!.figures).toBeUndefined();
  });
});
