#!/usr/bin/env node
// Development tool (needs ../shared/devset): clean every raw page of both devset parts
// with a pipeline and print the token scores of ../shared/devset/score.py.
//   node scripts/devset.mjs [--pipeline pipelines/default.yaml] [--part boilerplate|wcxb] [--keep DIR]
import {execFileSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parseArgs} from 'node:util'
import {createPipeline, DEFAULT_PIPELINE_PATH, loadPipelineFile} from '../dist/index.js'

const {values} = parseArgs({
  options: {pipeline: {type: 'string', default: DEFAULT_PIPELINE_PATH}, part: {type: 'string', multiple: true}, keep: {type: 'string'}}
})
const devset = new URL('../../shared/devset/', import.meta.url).pathname
if (!existsSync(devset)) throw new Error(`no devset at ${devset}`)
const parts = values.part ?? ['boilerplate', 'wcxb']
for (const part of parts) {
  const pipeline = createPipeline(await loadPipelineFile(values.pipeline))
  const names = readdirSync(join(devset, part))
    .filter((name) => name.endsWith('.raw.txt'))
    .sort()
  const documents = names.map((name) => ({path: name, text: readFileSync(join(devset, part, name), 'utf8')}))
  await pipeline.prepare(() => documents)
  const out = values.keep ? join(values.keep, part) : mkdtempSync(join(tmpdir(), `rinse-devset-${part}-`))
  mkdirSync(out, {recursive: true})
  const t0 = performance.now()
  let bytes = 0
  for (const document of documents) {
    bytes += Buffer.byteLength(document.text)
    const result = pipeline.clean(document.text, document.path)
    writeFileSync(
      join(out, document.path.replace('.raw.txt', '.txt')),
      pipeline.stages.some((stage) => stage.corpus?.drop?.(document.path)) ? '' : result.text
    )
  }
  const seconds = (performance.now() - t0) / 1000
  const scores = execFileSync('python3', [join(devset, 'score.py'), out, join(devset, part)], {encoding: 'utf8'})
  console.log(
    `== ${part}: ${documents.length} pages, ${(bytes / 1e6 / seconds).toFixed(1)} MB/s\n${scores
      .split('\n')
      .filter((line) => /token|baseline|metric|---/i.test(line))
      .join('\n')}`
  )
}
