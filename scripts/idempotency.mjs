#!/usr/bin/env node
// Development tool (uses ../shared/devset when present, else bench/quality/pages): clean
// every raw page with a pipeline, clean the output again, and report the pages whose
// second pass changes anything, with the stage/rule of each second-pass edit.
// Corpus stages are prepared over the batch on each pass: the second pass over the first
// pass's outputs (dropped duplicates left out), as `rinse run` on the output folder would.
//   node scripts/idempotency.mjs [--pipeline pipelines/default.yaml] [--part boilerplate|wcxb|pages]
//                                [--dir DIR] [--verbose] [--max-passes N]
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {parseArgs} from 'node:util'
import {createPipeline, DEFAULT_PIPELINE_PATH, formatEdit, loadPipelineFile} from '../dist/index.js'

const {values} = parseArgs({
  options: {
    pipeline: {type: 'string', default: DEFAULT_PIPELINE_PATH},
    part: {type: 'string', multiple: true},
    dir: {type: 'string', multiple: true},
    verbose: {type: 'boolean', default: false},
    'max-passes': {type: 'string', default: '2'}
  }
})
const devset = new URL('../../shared/devset/', import.meta.url).pathname
const pages = new URL('../bench/quality/pages/', import.meta.url).pathname
const folders = values.dir
  ? values.dir.map((dir) => ({name: dir, dir}))
  : (values.part ?? (existsSync(devset) ? ['boilerplate', 'wcxb', 'pages'] : ['pages'])).map((part) =>
      part === 'pages' ? {name: 'pages', dir: pages} : {name: part, dir: join(devset, part)}
    )
const config = await loadPipelineFile(values.pipeline)
const maxPasses = Number(values['max-passes'])

/** One pass over a batch, as `rinse run` does it: prepare the corpus stages, clean, leave out drops. */
async function pass(documents) {
  const pipeline = createPipeline(config)
  await pipeline.prepare(() => documents)
  const out = []
  for (const document of documents) {
    const result = pipeline.clean(document.text, document.path)
    if (pipeline.stages.some((stage) => stage.corpus?.drop?.(document.path))) continue
    out.push({path: document.path, text: result.text, edits: result.edits})
  }
  return out
}

let total = 0
for (const {name, dir} of folders) {
  const names = readdirSync(dir)
    .filter((file) => file.endsWith('.raw.txt') || (values.dir && file.endsWith('.txt')))
    .sort()
  let documents = names.map((file) => ({path: file, text: readFileSync(join(dir, file), 'utf8')}))
  const first = await pass(documents)
  documents = first
  const changedPerPass = []
  const byRule = new Map()
  const changedPages = new Map()
  for (let n = 2; n <= maxPasses; n++) {
    const next = await pass(documents)
    const before = new Map(documents.map((document) => [document.path, document.text]))
    let changed = 0
    for (const document of next) {
      if (document.text === before.get(document.path) && document.edits.length === 0) continue
      changed++
      if (n !== 2) continue
      const rules = document.edits.map((edit) => `${edit.stage}/${edit.rule}`)
      changedPages.set(document.path, document)
      for (const rule of new Set(rules)) byRule.set(rule, (byRule.get(rule) ?? 0) + 1)
    }
    const dropped = documents.length - next.length
    changedPerPass.push(`pass ${n}: ${changed} changed${dropped ? `, ${dropped} dropped` : ''}`)
    documents = next
  }
  total += changedPages.size
  console.log(`== ${name}: ${names.length} pages, ${first.length} kept; ${changedPerPass.join('; ')}`)
  for (const [rule, count] of [...byRule].sort((a, b) => b[1] - a[1])) console.log(`  ${String(count).padStart(4)}  ${rule}`)
  for (const [path, document] of changedPages) {
    const counts = new Map()
    for (const edit of document.edits) counts.set(`${edit.stage}/${edit.rule}`, (counts.get(`${edit.stage}/${edit.rule}`) ?? 0) + 1)
    console.log(`  ${path}: ${[...counts].map(([rule, count]) => `${rule}×${count}`).join(', ')}`)
    if (values.verbose) for (const edit of document.edits) console.log(`      ${formatEdit(edit)}`)
  }
}
console.log(`total pages changed on the second pass: ${total}`)
