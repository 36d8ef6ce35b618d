/** Small hand-made inputs for the tests of the coverage and mobility tables. */
import type { Axis, Site } from '../model.ts';
import { territoryIndex } from '../reach/summary.ts';
import type { TableInput } from './common.ts';
import { fixedModel } from './fixed-model.ts';

const X = Infinity;

export function testSite(
  id: string,
  communeCode: string,
  axes: Axis[],
  capacity: number | null,
  kind: Site['kind'] = 'action',
): Site {
  return {
    id,
    name: id,
    kind,
    detail: '',
    axes,
    capacity,
    lon: 2,
    lat: 46,
    communeCode,
    operator: '',
    public: '',
    hours: '',
    sourceId: 'test',
  };
}

/**
 * Four communes in two territories: A = {C0, C1}, B = {C2, C3}. One remobilisation site of 40
 * places in C0 reaches C0 (5 min) and C1 (20 min); one of unknown capacity in C2 reaches C2 only;
 * C3 is 50 min from everything.
 */
export function smallInput(need: number[] | null = [30, 20, 10, 8]): TableInput {
  const { model, network } = fixedModel([
    [5, X, X, X],
    [20, 5, X, X],
    [X, X, 5, X],
    [50, X, 50, 5],
  ]);
  return {
    data: {
      network,
      people: {
        population: Float64Array.of(1000, 800, 400, 300),
        need: need ? Float64Array.from(need) : null,
      },
      names: ['Un', 'Deux', 'Trois', 'Quatre'],
    },
    model,
    sites: [
      testSite('s1', 'C0', ['remobilisation'], 40),
      testSite('s2', 'C2', ['remobilisation', 'numerique'], null),
      testSite('s3', 'C3', ['numerique'], 5),
    ],
    territories: territoryIndex(
      network.codes,
      new Map([
        ['C0', 'A'],
        ['C1', 'A'],
        ['C2', 'B'],
        ['C3', 'B'],
      ]),
      new Map([
        ['A', 'Territoire A'],
        ['B', 'Territoire B'],
      ]),
    ),
  };
}
