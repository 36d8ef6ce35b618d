/**
 * `npm run report -- <report> [options]`: the figures of the app, computed headless by the same
 * domain code, for observatory work and for checking. One module per report in scripts/report/,
 * each exporting `main(args)` that returns the text to print.
 *
 *   npm run report -- reach --dataset demo --minutes 30 --format csv
 *   npm run report -- gaps --scheme pti --axis mobilite --format json
 *   npm run report -- mobility --scheme bv2022 --platforms 3
 *   npm run report -- help
 */
import { messageOf } from '../src/domain/errors.ts';
import { writeFileSync } from 'node:fs';

interface ReportModule {
  main(args: string[]): Promise<string>;
}

const REPORTS: Record<string, { summary: string; load: () => Promise<ReportModule> }> = {
  reach: {
    summary:
      "temps d'accès au site le plus proche, population et bénéficiaires au-delà de N minutes",
    load: () => import('./report/reach.ts'),
  },
  gaps: {
    summary:
      "couverture de l'offre d'un axe par territoire : places, bénéficiaires servis, au-delà des places, hors de portée, score d'écart",
    load: () => import('./report/gaps.ts'),
  },
  validate: {
    summary:
      'le modèle de temps de trajet face à des courbes publiées (part de la population à moins de N min, par département)',
    load: () => import('./report/validate.ts'),
  },
  mobility: {
    summary:
      "besoin d'appui à la mobilité par territoire, services à portée, besoin non couvert, plateformes à ouvrir",
    load: () => import('./report/mobility.ts'),
  },
};

function usage(): string {
  const lines = Object.entries(REPORTS).map(([name, r]) => `  ${name.padEnd(10)} ${r.summary}`);
  return [
    'Usage : npm run report -- <rapport> [options] [--out FICHIER]',
    '',
    'Rapports :',
    ...lines,
    '',
    "Options d'un rapport : npm run report -- <rapport> --help",
  ].join('\n');
}

async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage());
    return name ? 0 : 1;
  }
  const report = REPORTS[name];
  if (!report) {
    console.error(`Rapport inconnu : ${name}\n\n${usage()}`);
    return 1;
  }
  const outAt = rest.indexOf('--out');
  const out = outAt >= 0 ? rest[outAt + 1] : undefined;
  if (outAt >= 0 && !out) {
    console.error('--out demande un nom de fichier.');
    return 1;
  }
  const args = outAt >= 0 ? rest.filter((_, i) => i !== outAt && i !== outAt + 1) : rest;
  const text = await (await report.load()).main(args);
  if (out) {
    writeFileSync(out, text);
    console.error(`Écrit : ${out}`);
  } else process.stdout.write(text);
  return 0;
}

// exitCode, not exit(): a large report written to a pipe is flushed before the process ends.
run(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(messageOf(e));
    process.exitCode = 1;
  },
);
