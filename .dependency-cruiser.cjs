/**
 * The direction of imports in src/, checked by `npm run lint` (and so by `npm test`).
 * Bottom to top: lexicon and blocks (text primitives), core's kernel, stages,
 * config, io and report, the run loops, then the entry points (cli, distributed,
 * unified, index.ts). See docs/architecture.md.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {name: 'no-circular', severity: 'error', comment: 'modules must not import each other in a circle', from: {}, to: {circular: true}},
    {
      name: 'no-cli-imports',
      severity: 'error',
      comment: 'the command line is the top: nothing in src imports it',
      from: {path: '^src/', pathNot: '^src/cli/'},
      to: {path: '^src/cli/'}
    },
    {
      name: 'primitives-stay-below',
      severity: 'error',
      comment: 'lexicon and blocks are text primitives: they know nothing of stages, configs, files or reports (the edit types excepted)',
      from: {path: '^src/(lexicon|blocks)/'},
      to: {path: '^src/', pathNot: ['^src/(lexicon|blocks)/', '^src/core/types\\.ts$']}
    },
    {
      name: 'stages-do-not-run-batches',
      severity: 'error',
      comment: 'a stage sees documents, never files, threads, queues or plugins',
      from: {path: '^src/stages/'},
      to: {path: ['^src/(io|distributed|unified)/', '^src/core/(run-|pool|worker|clean-file|collect-file|trace-|corpus-state)']}
    },
    {
      name: 'entry-points-stay-on-top',
      severity: 'error',
      comment: 'distributed mode and the unified plugins are built on the library, not the other way round',
      from: {path: '^src/', pathNot: ['^src/(distributed|unified|cli)/', '^src/index\\.ts$']},
      to: {path: '^src/(distributed|unified)/'}
    }
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: {fileName: 'tsconfig.json'},
    doNotFollow: {path: 'node_modules'},
    exclude: {path: '^(node_modules|dist)/'}
  }
}
