#!/usr/bin/env node
// Throughput of the default pipeline: `npm run bench [-- --from DIR --mb 20]`.
// Builds a corpus by repeating the texts of DIR (default: the bundled input/)
// until it holds about MB megabytes, each copy slightly varied so local dedup
// and the repairs see realistic documents, then times the pipeline per stage
// in-process and the whole `rinse run` command end to end.
import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parseArgs} from 'node:util'
import {createPipeline} from '../dist/index.js'

const {values} = parseArgs({options: {from: {type: 'string'}, mb: {type: 'string', default: '20'}, keep: {type: 'boolean'}}})
const from = values.from ?? new URL('../input/', import.meta.url).pathname
const target = Number(values.mb) * 1e6
const sources = readdirSync(from, {recursive: true}).filter((name) => /\.(txt|md)$/.test(String(name))).map((name) => readFileSync(join(from, String(name)), 'utf8'))
if (sources.length === 0) throw new Error(`no .txt files in ${from}`)

const documents = []
let bytes = 0
for (let i = 0; bytes < target; i++) {
  const text = sources[i % sources.length].replace(/\b(the|a)\b/, `$1 ${i}`)
  documents.push({path: `doc-${String(i).padStart(6, '0')}.txt`, text})
  bytes += Buffer.byteLength(text)
}
console.log(`corpus: ${documents.length} documents, ${(bytes / 1e6).toFixed(1)} MB (from ${from})`)

// Warm up (dictionary load, JIT), then time the whole pipeline and each stage alone.
const pipeline = createPipeline()
for (const document of documents.slice(0, 50)) pipeline.clean(document.text)
const time = (label, run) => {
  const t0 = performance.now()
  for (const document of documents) run(document.text)
  const seconds = (performance.now() - t0) / 1000
  console.log(`${label.padEnd(22)} ${(bytes / 1e6 / seconds).toFixed(1).padStart(6)} MB/s  ${(documents.length / seconds).toFixed(0).padStart(7)} docs/s`)
  return seconds
}
time('default pipeline', (text) => pipeline.clean(text))
for (const stage of ['normalize', 'boilerplate', 'repair', 'dedup']) {
  const single = createPipeline({stages: [stage]})
  time(`  ${stage} alone`, (text) => single.clean(text))
}
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`)

// End to end through the CLI: reading, cleaning, diffs, report.json, atomic writes.
const work = mkdtempSync(join(tmpdir(), 'rinse-bench-'))
mkdirSync(join(work, 'in'))
for (const document of documents) writeFileSync(join(work, 'in', document.path), document.text)
const t0 = performance.now()
const line = execFileSync(process.execPath, [new URL('../dist/cli/main.js', import.meta.url).pathname, 'run', join(work, 'in'), '--out', join(work, 'out')], {encoding: 'utf8'})
console.log(`rinse run end to end: ${((performance.now() - t0) / 1000).toFixed(1)} s\n  ${line.trim()}`)
if (!values.keep) rmSync(work, {recursive: true, force: true})
