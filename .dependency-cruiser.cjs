/**
 * The layers of src/, bottom to top, checked by `npm run lint` (and so by `npm test`):
 * a module imports only from its own layer or those below it, so no two folders
 * import each other. See docs/architecture.md.
 */
const LAYERS = [
  ['errors.ts', 'version.ts'], // what every layer may throw or print
  ['lexicon', 'blocks'], // text primitives: words, lines, blocks
  ['engine'], // one document: edits, the edit log, stages and passes, the corpus barrier
  ['stages'], // normalize, boilerplate, repair, dedup, retext: documents only
  ['io'], // files: reading inputs, atomic writes, OUT's layout
  ['config'], // pipeline files, validated, built into stages
  ['report'], // report.json, diffs, report.html
  ['library'], // createPipeline: the typed library's pipeline
  ['run'], // batch runs: folders, JSONL, the worker pool, resume
  ['distributed', 'unified'], // queue workers and unified plugins, built on the library
  ['cli', 'index.ts'] // the command line and the package's exports
]

const pattern = (names) => `^src/(${names.map((name) => name.replace('.', '\\.')).join('|')})($|/)`

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {name: 'no-circular', severity: 'error', comment: 'modules must not import each other in a circle', from: {}, to: {circular: true}},
    ...LAYERS.slice(0, -1).map((layer, index) => ({
      name: `${layer.join('-').replace('.ts', '')}-below-${LAYERS[index + 1].join('-').replace('.ts', '')}`,
      severity: 'error',
      comment: `${layer.join(' and ')} must not import a layer above them`,
      from: {path: pattern(layer)},
      to: {path: pattern(LAYERS.slice(index + 1).flat())}
    }))
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: {fileName: 'tsconfig.json'},
    doNotFollow: {path: 'node_modules'},
    exclude: {path: '^(node_modules|dist)/'}
  }
}
