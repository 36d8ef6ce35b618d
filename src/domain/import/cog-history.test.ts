import { describe, expect, it } from 'vitest';
import { composePassages, parsePopulation, readPassageTable } from './cog-history.ts';
import { readCsvText } from './table.ts';

describe('passage tables', () => {
  const steps = readPassageTable(
    readCsvText(
      [
        '"cog_from","cog_to","cod_from","cod_to","date","typemodif","ratio"',
        '2018,2019,"01001","01001","2018-10-22","f",1',
        '2018,2019,"01002","01001","2018-10-22","f",1',
        '2019,2020,"01001","01001","2019-01-01","f",1',
        '2019,2020,"01003","01001","2019-01-01","f",1',
        '2020,2021,"01001","01050","2020-01-01","c",1',
        '2021,2022,"01004","01004","2021-01-01","d",0.6',
        '2021,2022,"01004","01005","2021-01-01","d",0.4',
        '2023,2024,"01009","01008","2023-06-01","f",1',
      ].join('\n'),
      'passage.csv',
    ),
  );

  it('composes merges and code changes up to the target year', () => {
    const m = composePassages(steps, 2024);
    expect(m.get('01002')).toEqual({
      to: '01050',
      reason: 'fusion 2018-10-22 → 01001 ; changement de code 2020-01-01 → 01050',
    });
    expect(m.get('01003')?.to).toBe('01050');
    expect(m.get('01001')?.to).toBe('01050');
    expect(m.get('01009')?.to).toBe('01008');
  });

  it('never guesses a split', () => {
    expect(composePassages(steps, 2024).get('01004')).toEqual({
      to: null,
      reason: 'défusion 2021-01-01 → 01004, 01005',
    });
  });

  it('stops at the target year', () => {
    const m = composePassages(steps, 2019);
    expect(m.get('01002')?.to).toBe('01001');
    expect(m.has('01009')).toBe(false);
  });
});

describe('parsePopulation', () => {
  it('keeps the département, rejects unknown codes', () => {
    const t = readCsvText(
      '"CODGEO","LIBGEO","POP"\n"01001","A",832\n"01002","B",267\n"02001","C",5\n"01077","D",3\n',
      'pop.csv',
    );
    const { population, report } = parsePopulation(t, '01', new Set(['01001', '01002']), {
      inputId: 'pop',
      label: 'Population',
      sourceId: 'pop',
    });
    expect([...population]).toEqual([
      ['01001', 832],
      ['01002', 267],
    ]);
    expect([report.kept, report.ignoredRows, report.rejectedRows]).toEqual([2, 1, 1]);
  });
});
