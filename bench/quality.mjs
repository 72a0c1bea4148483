#!/usr/bin/env node
// Boilerplate quality: `npm run bench:quality [-- --dir DIR] [--pipeline FILE] [--per-page]`.
// Cleans every NAME.raw.txt of DIR (default: bench/quality/pages, pages we wrote in the
// style of many sites) with the pipeline, corpus stages included, and prints token
// precision, recall and F1 against NAME.gold.txt, micro and macro, as the devset's
// score.py counts them (\w+ tokens, case-sensitive, bags with multiplicity), next to
// the untouched-input baseline. Works on ../shared/devset/boilerplate or wcxb too.
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {parseArgs} from 'node:util'
import {createPipeline, DEFAULT_PIPELINE_PATH, loadPipelineFile} from '../dist/index.js'
import {prf, tokenScores} from '../dist/stages/boilerplate/classifier/index.js'

const {values} = parseArgs({
  options: {
    dir: {type: 'string', default: new URL('./quality/pages/', import.meta.url).pathname},
    pipeline: {type: 'string', default: DEFAULT_PIPELINE_PATH},
    'per-page': {type: 'boolean'}
  }
})

export async function scoreFolder(dir, pipelinePath) {
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.raw.txt'))
    .sort()
  const documents = names.map((name) => ({
    path: name,
    text: readFileSync(join(dir, name), 'utf8'),
    gold: readFileSync(join(dir, name.replace('.raw.txt', '.gold.txt')), 'utf8')
  }))
  const pipeline = createPipeline(await loadPipelineFile(pipelinePath))
  await pipeline.prepare(() => documents)
  const total = {system: {tp: 0, fp: 0, fn: 0}, raw: {tp: 0, fp: 0, fn: 0}}
  const macro = {system: [], raw: []}
  const pages = []
  const t0 = performance.now()
  for (const document of documents) {
    const dropped = pipeline.stages.some((stage) => stage.corpus?.drop?.(document.path))
    const output = dropped ? '' : pipeline.clean(document.text, document.path).text
    for (const [kind, text] of [
      ['system', output],
      ['raw', document.text]
    ]) {
      const counts = tokenScores(document.gold, text)
      for (const key of ['tp', 'fp', 'fn']) total[kind][key] += counts[key]
      macro[kind].push(prf(counts))
      if (kind === 'system') pages.push([document.path, prf(counts)])
    }
  }
  const seconds = (performance.now() - t0) / 1000
  const mean = (list, key) => list.reduce((sum, item) => sum + item[key], 0) / Math.max(1, list.length)
  return {
    pages,
    seconds,
    documents: documents.length,
    micro: {system: prf(total.system), raw: prf(total.raw)},
    macro: Object.fromEntries(
      Object.entries(macro).map(([kind, list]) => [kind, {p: mean(list, 'p'), r: mean(list, 'r'), f1: mean(list, 'f1')}])
    )
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await scoreFolder(values.dir, values.pipeline)
  const line = (label, s) => `${label.padEnd(22)} P=${s.p.toFixed(4)}  R=${s.r.toFixed(4)}  F1=${s.f1.toFixed(4)}`
  console.log(`${result.documents} pages from ${values.dir} with ${values.pipeline} (${result.seconds.toFixed(1)} s)`)
  console.log(line('rinse  token micro', result.micro.system))
  console.log(line('rinse  token macro', result.macro.system))
  console.log(line('raw    token micro', result.micro.raw))
  console.log(line('raw    token macro', result.macro.raw))
  if (values['per-page']) for (const [path, s] of result.pages) console.log(line(path, s))
}
