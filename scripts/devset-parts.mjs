#!/usr/bin/env node
// Development tool (needs ../shared/devset): clean every part of the devset with the
// default pipeline (or --pipeline) and print one row per part: token micro P/R/F1 from
// score.py, the pages with at least 100 gold tokens that keep less than half of them
// (count and share of the part), the pages emptied (no token left, or dropped by dedup),
// the documents carrying a kept-prose warning, the raw input's F1 and the throughput.
// wcxb-more is also split into its article and non-article page types.
// --by-site adds a row for each site (the host of the manifest's url) with at least 5 pages.
//   node scripts/devset-parts.mjs [--part NAME ...] [--pipeline FILE] [--keep DIR] [--dist DIR] [--model FILE] [--by-site]
// --dist runs another build (for a before/after throughput in one run); --model FILE swaps
// the classifier's model for one trained by scripts/train-classifier.ts --out FILE.json
// (scripts/devset-lopo.mjs uses it to score a part with a model that never saw it).
import {execFileSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'

const {values} = parseArgs({
  options: {
    pipeline: {type: 'string'},
    part: {type: 'string', multiple: true},
    keep: {type: 'string'},
    model: {type: 'string'},
    'by-site': {type: 'boolean', default: false},
    dist: {type: 'string', default: new URL('../dist/', import.meta.url).pathname}
  }
})
const rinse = await import(pathToFileURL(join(resolve(values.dist), 'index.js')).href)
const devset = new URL('../../shared/devset/', import.meta.url).pathname
if (!existsSync(devset)) throw new Error(`no devset at ${devset}`)
const ALL = ['boilerplate', 'wcxb', 'dragnet-more', 'wcxb-more', 'cleaneval', 'l3s-gn1', 'cleanportal', 'readability']
const parts = values.part ?? ALL
const pipelinePath = values.pipeline ?? rinse.DEFAULT_PIPELINE_PATH
/** A page losing more than half of its article: at least this many gold tokens. */
const MIN_GOLD = 100

const rows = []
let totalBytes = 0
let totalSeconds = 0
for (const part of parts) {
  const dir = join(devset, part)
  const pipeline = rinse.createPipeline(withModel(await rinse.loadPipelineFile(pipelinePath)))
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.raw.txt'))
    .sort()
  const documents = names.map((name) => ({path: name, text: readFileSync(join(dir, name), 'utf8')}))
  const out = values.keep ? join(values.keep, part) : mkdtempSync(join(tmpdir(), `rinse-parts-${part}-`))
  mkdirSync(out, {recursive: true})
  const t0 = performance.now()
  await pipeline.prepare(() => documents)
  let bytes = 0
  let warned = 0
  const dropped = new Set()
  for (const document of documents) {
    bytes += Buffer.byteLength(document.text)
    const result = pipeline.clean(document.text, document.path)
    const drop = pipeline.stages.some((stage) => stage.corpus?.drop?.(document.path))
    if (drop) dropped.add(document.path.replace('.raw.txt', ''))
    if (result.warnings.some((warning) => /\/kept-prose:/.test(warning))) warned++
    writeFileSync(join(out, document.path.replace('.raw.txt', '.txt')), drop ? '' : result.text)
  }
  const seconds = (performance.now() - t0) / 1000
  totalBytes += bytes
  totalSeconds += seconds
  const json = join(out, '..', `${part}.scores.json`)
  const perDoc = join(out, '..', `${part}.per-doc.tsv`)
  execFileSync('python3', [join(devset, 'score.py'), out, dir, '--json', json, '--per-doc', perDoc], {encoding: 'utf8'})
  const scores = JSON.parse(readFileSync(json, 'utf8'))
  const docs = readFileSync(perDoc, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [name, , tp, fp, fn, , , , , , , rawF1] = line.split('\t')
      return {name, tp: Number(tp), fp: Number(fp), fn: Number(fn), rawF1: Number(rawF1)}
    })
  const manifest = readFileSync(join(dir, 'manifest.tsv'), 'utf8').trim().split('\n')
  const typeColumn = manifest[0].split('\t').indexOf('page_type')
  const types = new Map(manifest.slice(1).map((line) => [line.split('\t')[0], line.split('\t')[typeColumn]]))
  const row = (label, subset, raw) => {
    const sum = (key) => subset.reduce((total, doc) => total + doc[key], 0)
    const [tp, fp, fn] = [sum('tp'), sum('fp'), sum('fn')]
    const p = tp + fp ? tp / (tp + fp) : 0
    const r = tp + fn ? tp / (tp + fn) : 0
    const losing = subset.filter((doc) => doc.tp + doc.fn >= MIN_GOLD && doc.tp < (doc.tp + doc.fn) / 2)
    const emptied = subset.filter((doc) => doc.tp + doc.fp === 0 || dropped.has(doc.name))
    return {
      part: label,
      pages: subset.length,
      P: p,
      R: r,
      F1: p + r ? (2 * p * r) / (p + r) : 0,
      losing: losing.length,
      losingShare: losing.length / subset.length,
      emptied: emptied.length,
      examples: [...losing, ...emptied].map((doc) => doc.name).slice(0, 4),
      raw,
      warned: label === part ? warned : undefined,
      mbps: label === part ? bytes / 1e6 / seconds : undefined
    }
  }
  rows.push(row(part, docs, scores.raw_baseline?.token.micro.F1))
  const rawOf = (subset) =>
    rawMicro(
      subset.map((doc) => doc.name),
      dir
    )
  if (typeColumn >= 0) {
    const articles = docs.filter((doc) => types.get(doc.name) === 'article')
    const others = docs.filter((doc) => types.get(doc.name) !== 'article')
    if (others.length > 0) {
      rows.push(row(`${part}:article`, articles, rawOf(articles)))
      rows.push(row(`${part}:other`, others, rawOf(others)))
    }
  }
  const urlColumn = manifest[0].split('\t').indexOf('url')
  if (values['by-site'] && urlColumn >= 0) {
    const hosts = new Map(manifest.slice(1).map((line) => [line.split('\t')[0], hostOf(line.split('\t')[urlColumn])]))
    const bySite = new Map()
    for (const doc of docs) {
      const host = hosts.get(doc.name)
      if (!bySite.has(host)) bySite.set(host, [])
      bySite.get(host).push(doc)
    }
    for (const [host, subset] of [...bySite].sort((a, b) => b[1].length - a[1].length))
      if (subset.length >= 5) rows.push(row(`${part}:${host}`, subset, rawOf(subset)))
  }
  console.error(`${part}: ${documents.length} pages in ${seconds.toFixed(0)} s (outputs in ${out})`)
}

/** The host of a page's url, without www.; '(no url)' for a page without one. */
function hostOf(url) {
  return URL.canParse(url) ? new URL(url).host.replace(/^www\./, '') : '(no url)'
}

/** The pipeline with --model's classifier model and its threshold in the boilerplate stage (a code-only option). */
function withModel(config) {
  if (!values.model) return config
  const model = JSON.parse(readFileSync(values.model, 'utf8'))
  const stages = config.stages.map((entry) => {
    if (entry.stage !== 'boilerplate' || entry.options.classifier === false) return entry
    return {...entry, options: {...entry.options, classifier: {...entry.options.classifier, model, threshold: model.threshold}}}
  })
  return {...config, stages}
}

/** Token micro F1 of the raw input over some pages (score.py's baseline, on a subset). */
function rawMicro(names, dir) {
  let tp = 0
  let fp = 0
  let fn = 0
  for (const name of names) {
    const c = bagScores(readFileSync(join(dir, `${name}.gold.txt`), 'utf8'), readFileSync(join(dir, `${name}.raw.txt`), 'utf8'))
    tp += c.tp
    fp += c.fp
    fn += c.fn
  }
  const p = tp / (tp + fp)
  const r = tp / (tp + fn)
  return (2 * p * r) / (p + r)
}

function bagScores(gold, output) {
  const bag = (text) => {
    const counts = new Map()
    for (const [token] of text.matchAll(/[\p{L}\p{N}_]+/gu)) counts.set(token, (counts.get(token) ?? 0) + 1)
    return counts
  }
  const g = bag(gold)
  let tp = 0
  let outTotal = 0
  for (const [token, count] of bag(output)) {
    outTotal += count
    tp += Math.min(count, g.get(token) ?? 0)
  }
  const goldTotal = [...g.values()].reduce((a, b) => a + b, 0)
  return {tp, fp: outTotal - tp, fn: goldTotal - tp}
}

const f = (x, digits = 4) => (x === undefined ? '' : x.toFixed(digits))
console.log(`| part | pages | P | R | F1 | raw F1 | losing > half (≥${MIN_GOLD} gold tokens) | emptied | kept-prose warnings | MB/s |`)
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const r of rows)
  console.log(
    `| ${r.part} | ${r.pages} | ${f(r.P)} | ${f(r.R)} | ${f(r.F1)} | ${f(r.raw)} | ${r.losing} (${(r.losingShare * 100).toFixed(1)}%) | ${r.emptied} | ${r.warned ?? ''} | ${f(r.mbps, 2)} |`
  )
console.log(`throughput over all parts: ${(totalBytes / 1e6 / totalSeconds).toFixed(2)} MB/s (${totalSeconds.toFixed(0)} s)`)
for (const r of rows) if (r.examples.length) console.log(`${r.part}: e.g. ${r.examples.join(', ')}`)
