#!/usr/bin/env node
// Development tool (needs ../shared/devset): the default pipeline's scores on pages whose
// source the classifier never saw. For each source of training parts (Dragnet: boilerplate/
// and dragnet-more/; WCXB: wcxb/ and wcxb-more/; Readability), the classifier is retrained
// without that source and its parts are cleaned with the held-out model (every other stage as
// in the default pipeline). The parts no shipped model may be trained on (cleaneval/, l3s-gn1/,
// cleanportal/: their licences) are cleaned with a model trained on every training part.
// Prints scripts/devset-parts.mjs's rows for each part.
//   npm run devset:lopo [-- --source dragnet|wcxb|readability|all ...] [--dist DIR]
// --dist cleans with another build (see devset-parts.mjs).
import {execFileSync} from 'node:child_process'
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parseArgs} from 'node:util'

const SOURCES = {dragnet: ['boilerplate', 'dragnet-more'], wcxb: ['wcxb', 'wcxb-more'], readability: ['readability']}
const EVALUATION_ONLY = ['cleaneval', 'l3s-gn1', 'cleanportal']
const {values} = parseArgs({options: {source: {type: 'string', multiple: true}, dist: {type: 'string'}}})
const root = new URL('..', import.meta.url).pathname
const trainer = join(root, '.bench/build/scripts/train-classifier.js')
const work = mkdtempSync(join(tmpdir(), 'rinse-lopo-'))

const runs = (values.source ?? [...Object.keys(SOURCES), 'all']).map((source) =>
  source === 'all'
    ? {label: 'every training part', without: [], parts: EVALUATION_ONLY}
    : {label: `all but ${source}`, without: [source], parts: SOURCES[source]}
)
const rows = []
for (const {label, without, parts} of runs) {
  if (!parts) throw new Error(`unknown source; expected one of ${Object.keys(SOURCES).join(', ')}, all`)
  const model = join(work, `${without[0] ?? 'all'}.json`)
  const t0 = performance.now()
  const trained = execFileSync('node', [trainer, '--out', model, ...without.flatMap((s) => ['--without', s])], {
    encoding: 'utf8',
    cwd: root
  })
  const seconds = (performance.now() - t0) / 1000
  console.error(`model trained on ${label} in ${seconds.toFixed(0)} s: ${trained.split('\n')[0]}`)
  const table = execFileSync(
    'node',
    [
      join(root, 'scripts/devset-parts.mjs'),
      '--model',
      model,
      ...(values.dist ? ['--dist', values.dist] : []),
      ...parts.flatMap((p) => ['--part', p])
    ],
    {
      encoding: 'utf8',
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit']
    }
  )
  for (const line of table.split('\n')) if (/^\| [a-z]/.test(line) && !line.startsWith('| part ')) rows.push(`${line} ${label} |`)
}
console.log(`| part | pages | P | R | F1 | raw F1 | losing > half | emptied | kept-prose warnings | MB/s | model trained on |`)
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |')
for (const row of rows) console.log(row)
