/**
 * Architecture rules, checked by `npm run check` (see STYLE in the README).
 * Dependencies point one way: ui/map -> state -> data -> domain.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain is plain TypeScript: it imports itself and turf, nothing else.',
      severity: 'error',
      from: { path: '^src/domain/', pathNot: '\\.test\\.ts$' },
      to: {
        pathNot: [
          '^src/domain/',
          '^node_modules/@turf/',
          '^node_modules/@types/geojson/',
          '^geojson$',
        ],
      },
    },
    {
      name: 'domain-no-node-builtins',
      severity: 'error',
      from: { path: '^src/domain/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'data-below-state',
      comment: 'src/data knows the domain, never the state, the map or the UI.',
      severity: 'error',
      from: { path: '^src/data/' },
      to: { path: '^src/(state|map|ui)/' },
    },
    {
      name: 'state-below-ui',
      severity: 'error',
      from: { path: '^src/state/' },
      to: { path: '^src/(map|ui)/' },
    },
    {
      name: 'map-layers-are-pure-factories',
      comment: 'Layer factories return deck.gl props; they do not reach into state or the UI.',
      severity: 'error',
      from: { path: '^src/map/layers/' },
      to: { path: '^src/(state|ui)/' },
    },
    {
      name: 'src-never-imports-scripts',
      comment: 'Tests may use the build scripts (the demo generator) as fixtures; the app may not.',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.(test|e2e)\\.ts$' },
      to: { path: '^scripts/' },
    },
    {
      name: 'src-never-imports-bench',
      comment: 'The benchmark measures the app; the app knows nothing of it.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^bench/' },
    },
    {
      name: 'features-do-not-import-each-other',
      comment:
        'A tool of the UI (one folder per mode or panel) uses common/, measure/ and the top-level ui modules, never another tool: what two tools share moves to a shared folder.',
      severity: 'error',
      from: { path: '^src/ui/(explore|gaps|mobility|reach|presentation|import|data)/' },
      to: {
        path: '^src/ui/(explore|gaps|mobility|reach|presentation|import|data)/',
        pathNot: '^src/ui/$1/',
      },
    },
    {
      name: 'tool-states-do-not-import-each-other',
      comment:
        'Reach, coverage and mobility read the study (state/study.ts: data, travel settings, scenario) and keep only their own parameters; coverage and mobility configure the territory × measure block. No tool state imports another.',
      severity: 'error',
      from: { path: '^src/state/(gaps|mobility|reach)\\.svelte\\.ts$' },
      to: {
        path: '^src/state/(gaps|mobility|reach)\\.svelte\\.ts$',
        pathNot: '^src/state/$1\\.svelte\\.ts$',
      },
    },
    {
      name: 'study-core-reads-no-tool',
      comment:
        'The study core (its data, travel settings and scenario) is read by every tool and depends on none of them.',
      severity: 'error',
      from: { path: '^src/state/(study|study-data|travel-settings|scenario)(\\.svelte)?\\.ts$' },
      to: { path: '^src/state/(gaps|mobility|reach|territory-measure)\\.svelte\\.ts$' },
    },
    {
      name: 'only-the-layout-uses-the-controller',
      comment:
        'src/app (the tools registry, the controller, the presentation and the exports) sits on top of everything; only App.svelte uses it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(app/|App\\.svelte$)' },
      to: { path: '^src/app/' },
    },
    {
      name: 'oracles-only-in-tests-and-bench',
      comment:
        'Reference solvers (exact, naive) measure the product in tests and benchmarks; the app never runs them.',
      severity: 'error',
      from: { path: '^src/', pathNot: '(\\.(test|e2e)\\.ts|-oracles\\.ts)$' },
      to: { path: '-oracles\\.ts$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', 'dist'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.svelte', '.json'] },
  },
};
