#!/usr/bin/env node
// Throughput of the default pipeline:
//   npm run bench [-- --docs 20000 --min-kb 2 --max-kb 20] [--from DIR --mb 20]
//   npm run bench -- --docs 10000,100000 --workers 2     (growth from one size to the next)
//   npm run bench -- --docs 10000 --no-diffs             (each run again without OUT/diffs)
//   npm run bench -- --real-only [--real-mb 200]         (the real pages alone)
// 1. Time per stage in process, on a sample of the corpus.
// 2. Whole `rinse run` (read, clean, corpus stages, diffs, report.json) with 1 worker and with
//    all cores (or --workers): MB/s, documents/s and peak RSS, per corpus size.
// 3. Real pages (the raw pages of ../shared/devset, when it is there, or --real-from DIR) to
//    --real-mb megabytes: `rinse run` as a user runs it (diffs and report.html too) with all
//    cores (or the largest --workers), and a bare retext-english parse of the same files in one
//    thread, timed in the same run: the figure to compare with.
// The corpus is generated (bench/generate-corpus.mjs) or, with --from, built by repeating
// the texts of a folder until it holds --mb megabytes.
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {availableParallelism, tmpdir} from 'node:os'
import {join} from 'node:path'
import {parseArgs} from 'node:util'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {createPipeline, tuneGarbageCollection} from '../dist/index.js'
import {pageFiles, writeRealPages} from './devset-pages.mjs'
import {writeCorpus} from './generate-corpus.mjs'

// The stage timings below run in this process: set up as the `rinse` command is.
tuneGarbageCollection()

const {values} = parseArgs({
  options: {
    docs: {type: 'string', default: '20000'},
    'min-kb': {type: 'string', default: '2'},
    'max-kb': {type: 'string', default: '20'},
    from: {type: 'string'},
    mb: {type: 'string', default: '20'},
    workers: {type: 'string'},
    keep: {type: 'boolean'},
    // Also time each run with --no-diffs (half the files to create).
    'no-diffs': {type: 'boolean'},
    'real-mb': {type: 'string', default: '20'},
    'real-from': {type: 'string'},
    'real-only': {type: 'boolean'}
  }
})
const work = mkdtempSync(join(tmpdir(), 'rinse-bench-'))
const workerCounts = values.workers ? values.workers.split(',').map(Number) : [...new Set([1, availableParallelism()])]

function buildCorpus(input, docs) {
  if (!values.from) return writeCorpus(input, docs, {minKb: Number(values['min-kb']), maxKb: Number(values['max-kb'])})
  const sources = readdirSync(values.from, {recursive: true})
    .filter((name) => /\.(txt|md)$/.test(String(name)))
    .map((name) => readFileSync(join(values.from, String(name)), 'utf8'))
  mkdirSync(input)
  let bytes = 0
  for (let i = 0; bytes < Number(values.mb) * 1e6; i++) {
    const text = sources[i % sources.length].replace(/\b(the|a)\b/, `$1 ${i}`)
    writeFileSync(join(input, `doc-${String(i).padStart(6, '0')}.txt`), text)
    bytes += Buffer.byteLength(text)
  }
  return bytes
}

// Per stage, in process, on up to 20 MB of a corpus.
function stageTimes(input, names) {
  const sample = []
  let sampleBytes = 0
  for (const name of names) {
    if (sampleBytes > 20e6) break
    const text = readFileSync(join(input, name), 'utf8')
    sample.push(text)
    sampleBytes += Buffer.byteLength(text)
  }
  const time = (label, pipeline) => {
    for (const text of sample.slice(0, 20)) pipeline.clean(text)
    const t0 = performance.now()
    for (const text of sample) pipeline.clean(text)
    const seconds = (performance.now() - t0) / 1000
    console.log(
      `  ${label.padEnd(20)} ${(sampleBytes / 1e6 / seconds).toFixed(1).padStart(6)} MB/s ${(sample.length / seconds).toFixed(0).padStart(7)} docs/s  ${((seconds * 1000) / sample.length).toFixed(2)} ms/doc`
    )
  }
  console.log(`in process, 1 thread, ${(sampleBytes / 1e6).toFixed(1)} MB sample (corpus stages idle here):`)
  time('default pipeline', createPipeline())
  for (const stage of ['normalize', 'boilerplate', 'repair', 'dedup']) time(`${stage} alone`, createPipeline({stages: [stage]}))
}

const sizes = values['real-only'] ? [] : values.from ? [0] : values.docs.split(',').map(Number)
const perDocument = new Map()
for (const [i, docs] of sizes.entries()) {
  const input = join(work, `in-${docs}`)
  const bytes = buildCorpus(input, docs)
  const names = readdirSync(input)
  console.log(`corpus: ${names.length} documents, ${(bytes / 1e6).toFixed(1)} MB ${values.from ? `(from ${values.from})` : '(generated)'}`)
  if (i === 0) stageTimes(input, names)
  console.log('rinse run, end to end (read, clean, corpus stages, diffs, report.json):')
  for (const workers of workerCounts) {
    const figures = runOnce(input, join(work, `out-${docs}-${workers}`), workers, true)
    console.log(`  ${String(workers).padStart(2)} worker(s): ${describe(figures)}`)
    if (values['no-diffs']) {
      const noDiffs = runOnce(input, join(work, `out-${docs}-${workers}-no-diffs`), workers, false)
      console.log(`  ${String(workers).padStart(2)} worker(s), --no-diffs: ${describe(noDiffs)}`)
    }
    const ms = figures.ms / figures.files
    const first = perDocument.get(workers)
    if (first) console.log(`     time per document ×${(ms / first.ms).toFixed(2)} against ${first.docs} documents (1.00 is linear)`)
    else perDocument.set(workers, {ms, docs: figures.files})
  }
  // This size's outputs go once all its runs are done: at 100,000 documents they take gigabytes.
  if (!values.keep)
    for (const name of readdirSync(work)) if (name.startsWith(`out-${docs}-`)) rmSync(join(work, name), {recursive: true, force: true})
  if (!values.keep) rmSync(input, {recursive: true, force: true})
}
realPages()
if (!values.keep) rmSync(work, {recursive: true, force: true})

/** Section 3: the real-page corpus, rinse against a bare retext-english parse of the same files. */
function realPages() {
  const mb = Number(values['real-mb'])
  if (mb <= 0) return
  try {
    pageFiles(values['real-from'])
  } catch {
    console.log('real pages: no ../shared/devset here (or give --real-from DIR); skipped')
    return
  }
  const input = join(work, 'in-real')
  const bytes = writeRealPages(input, mb, values['real-from'])
  const names = readdirSync(input).sort()
  console.log(
    `real pages: ${names.length} documents, ${(bytes / 1e6).toFixed(1)} MB (${values['real-from'] ?? '../shared/devset'}, repeats with 2 % of words changed)`
  )
  const workers = Math.max(...workerCounts)
  const figures = runOnce(input, join(work, 'out-real'), workers, true, true)
  console.log(`  rinse run, ${workers} worker(s), diffs and report.html: ${describe(figures)}`)
  settle()
  const parser = unified().use(retextEnglish)
  const t0 = performance.now()
  for (const name of names) parser.parse(readFileSync(join(input, name), 'utf8'))
  const parseSeconds = (performance.now() - t0) / 1000
  console.log(
    `  bare retext-english parse, 1 thread: ${(bytes / 1e6 / parseSeconds).toFixed(1).padStart(6)} MB/s  ${parseSeconds.toFixed(1)} s`
  )
  console.log(`  rinse takes ${(figures.ms / 1000 / parseSeconds).toFixed(2)}x the time of the parse (target: 1.00 or less; 10 MB/s)`)
  if (!values.keep) for (const name of ['in-real', 'out-real']) rmSync(join(work, name), {recursive: true, force: true})
}

/**
 * One `rinse run` in a fresh process (bench/run-once.mjs), its figures parsed.
 * Each run writes into a new folder, and the outputs are deleted only after the last run of their size:
 * the file system is first left to settle (`sync`), so that writing back the
 * corpus or an earlier run's outputs, or deleting them, is not billed to this run.
 * On this disk the same 20,000 output files took 3.4 s to 10.8 s to write, by what the file
 * system was still doing from the step before.
 */
function runOnce(input, out, workers, diffs, html = false) {
  settle()
  const args = [
    new URL('./run-once.mjs', import.meta.url).pathname,
    input,
    out,
    String(workers),
    diffs ? 'diffs' : 'no-diffs',
    html ? 'html' : 'no-html'
  ]
  return JSON.parse(execFileSync(process.execPath, args, {encoding: 'utf8', maxBuffer: 1 << 26}))
}

function settle() {
  spawnSync('sync')
}

function describe(figures) {
  const seconds = figures.ms / 1000
  const mb = figures.bytes / 1e6
  return `${(mb / seconds).toFixed(1).padStart(6)} MB/s ${(figures.files / seconds).toFixed(0).padStart(6)} docs/s  ${seconds.toFixed(1)} s (corpus collection ${(figures.collectMs / 1000).toFixed(1)} s)  peak RSS ${figures.maxRssMb.toFixed(0)} MB  CPU ${figures.cpuSeconds.toFixed(1)} s = ${(mb / figures.cpuSeconds).toFixed(1)} MB per CPU-second`
}
