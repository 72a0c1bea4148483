#!/usr/bin/env node
// Regenerate test/fixtures/*/output.txt and messages.json from input.txt with the
// built pipeline (run `npm run build` first). Review the diff before committing:
// the fixtures are the specification, this script only saves typing.
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {createPipeline, loadPipelineFile} from '../dist/index.js'
import {formatEdit} from '../dist/report/format-edit.js'

const root = new URL('../test/fixtures/', import.meta.url).pathname
const only = process.argv.slice(2)
for (const name of readdirSync(root).sort()) {
  const dir = join(root, name)
  if (!existsSync(join(dir, 'input.txt')) || (only.length > 0 && !only.includes(name))) continue
  const pipelinePath = join(dir, 'pipeline.yaml')
  const pipeline = existsSync(pipelinePath) ? createPipeline(await loadPipelineFile(pipelinePath)) : createPipeline()
  const result = pipeline.clean(readFileSync(join(dir, 'input.txt'), 'utf8'), 'input.txt')
  writeFileSync(join(dir, 'output.txt'), result.text)
  writeFileSync(join(dir, 'messages.json'), JSON.stringify(result.edits.map(formatEdit), null, 2) + '\n')
  console.log(`${name}: ${result.edits.length} edits`)
}
