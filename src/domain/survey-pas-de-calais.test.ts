import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  SURVEY_TERRITORIES,
  TRANSPORT_ANSWERS,
  TRANSPORT_SHARES_PERCENT,
  type SurveyTerritory,
} from './survey-pas-de-calais.ts';

const seeds = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'seeds');
const seedFile = existsSync(seeds)
  ? readdirSync(seeds).find((f) =>
      readFileSync(join(seeds, f), 'utf8').includes("Je n'ai que les transports en commun"),
    )
  : undefined;

describe('Pas-de-Calais transport survey', () => {
  it('adds up to 100 % in every territory', () => {
    for (const t of ['Département', ...SURVEY_TERRITORIES] as SurveyTerritory[]) {
      const sum = TRANSPORT_ANSWERS.reduce((s, a) => s + TRANSPORT_SHARES_PERCENT[t][a.id], 0);
      expect(sum, t).toBeCloseTo(100, 1);
    }
  });

  it.skipIf(!seedFile)(
    'quotes the published table exactly (seed document beside the project)',
    () => {
      const text = readFileSync(join(seeds, seedFile!), 'utf8');
      const header = text.split('\n').find((l) => l.startsWith('\tDépartement\tArrageois'))!;
      const columns = header
        .split('\t')
        .slice(1)
        .map((c) => (c === 'Lensois' ? 'Lensois' : c));
      for (const answer of TRANSPORT_ANSWERS) {
        const line = text.split('\n').find((l) => l.startsWith(answer.label + '\t'));
        expect(line, answer.label).toBeDefined();
        const values = line!
          .split('\t')
          .slice(1)
          .map((v) => Number(v.replace('%', '').replace(',', '.')));
        columns.forEach((territory, i) => {
          expect(
            TRANSPORT_SHARES_PERCENT[territory as SurveyTerritory][answer.id],
            `${answer.id} ${territory}`,
          ).toBe(values[i]);
        });
      }
    },
  );
});
