#!/usr/bin/env node
// Development tool (needs ../shared/devset): which stage and rule took the article of the
// pages that lose it. For each part, cleans every page with the default pipeline (or
// --pipeline; the part is one batch, as in scripts/devset-parts.mjs) and, for each page with
// at least 100 gold tokens that keeps less than half of them or keeps none, or that dedup
// drops, prints the gold tokens lost to each rule (a removed token counts against the rule
// whose edit took it, as far as gold still misses it) and, for the classifier, its labels.
//   node scripts/devset-losses.mjs [--part NAME ...] [--pipeline FILE] [--dist DIR] [--all]
// --all lists every page's losses, not only the gutted ones (one line a page).
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'

const {values} = parseArgs({
  options: {
    pipeline: {type: 'string'},
    part: {type: 'string', multiple: true},
    all: {type: 'boolean', default: false},
    dist: {type: 'string', default: new URL('../dist/', import.meta.url).pathname}
  }
})
const rinse = await import(pathToFileURL(join(resolve(values.dist), 'index.js')).href)
const devset = new URL('../../shared/devset/', import.meta.url).pathname
if (!existsSync(devset)) throw new Error(`no devset at ${devset}`)
const ALL = ['boilerplate', 'wcxb', 'dragnet-more', 'wcxb-more', 'cleaneval', 'l3s-gn1', 'cleanportal', 'readability']
/** As scripts/devset-parts.mjs counts a page losing its article. */
const MIN_GOLD = 100

/** score.py's tokens (`\w+`), counted. */
function bag(text) {
  const counts = new Map()
  for (const [token] of text.matchAll(/[\p{L}\p{N}_]+/gu)) counts.set(token, (counts.get(token) ?? 0) + 1)
  return counts
}

const total = (counts) => [...counts.values()].reduce((a, b) => a + b, 0)

/** Gold tokens each edit took: the gold not in the output, handed out edit by edit in text order. */
function lossesByRule(gold, output, edits) {
  const missing = new Map(gold)
  for (const [token, count] of bag(output)) missing.set(token, (missing.get(token) ?? 0) - count)
  const byRule = new Map()
  const labels = new Map()
  for (const edit of edits) {
    const taken = bag(edit.before)
    for (const [token, count] of bag(edit.after)) taken.set(token, (taken.get(token) ?? 0) - count)
    let lost = 0
    for (const [token, count] of taken) {
      const left = missing.get(token) ?? 0
      const n = Math.min(count, left)
      if (n <= 0) continue
      missing.set(token, left - n)
      lost += n
    }
    if (lost === 0) continue
    const key = `${edit.stage}/${edit.rule}`
    byRule.set(key, (byRule.get(key) ?? 0) + lost)
    if (edit.rule === 'block-classifier') {
      const label = /\(([^)]*)\)\s*$/.exec(edit.reason)?.[1] ?? edit.reason
      labels.set(label, (labels.get(label) ?? 0) + lost)
    }
  }
  return {byRule, labels}
}

const top = (map, n = 3) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([key, count]) => `${key} ${count}`)
    .join(', ')

const causes = new Map()
for (const part of values.part ?? ALL) {
  const dir = join(devset, part)
  const config = await rinse.loadPipelineFile(values.pipeline ?? rinse.DEFAULT_PIPELINE_PATH)
  const pipeline = rinse.createPipeline(config)
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.raw.txt'))
    .sort()
  const documents = names.map((name) => ({path: name, text: readFileSync(join(dir, name), 'utf8')}))
  await pipeline.prepare(() => documents)
  const manifest = readFileSync(join(dir, 'manifest.tsv'), 'utf8').trim().split('\n')
  const typeColumn = manifest[0].split('\t').indexOf('page_type')
  const types = new Map(manifest.slice(1).map((line) => [line.split('\t')[0], line.split('\t')[typeColumn]]))
  let listed = 0
  for (const document of documents) {
    const name = document.path.replace('.raw.txt', '')
    const gold = bag(readFileSync(join(dir, `${name}.gold.txt`), 'utf8'))
    const goldTokens = total(gold)
    const result = pipeline.clean(document.text, document.path)
    const dropped = pipeline.stages.some((stage) => stage.corpus?.drop?.(document.path))
    const output = dropped ? '' : result.text
    let tp = 0
    for (const [token, count] of bag(output)) tp += Math.min(count, gold.get(token) ?? 0)
    const emptied = dropped || total(bag(output)) === 0
    const losing = goldTokens >= MIN_GOLD && tp < goldTokens / 2
    if (!values.all && !emptied && !losing) continue
    listed++
    const {byRule, labels} = lossesByRule(gold, output, dropped ? [] : result.edits)
    const cause = dropped ? 'dedup (dropped)' : ([...byRule].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'none')
    const type = typeColumn >= 0 ? ` ${types.get(name)}` : ''
    const key = `${part}${type}: ${cause}`
    causes.set(key, (causes.get(key) ?? 0) + 1)
    const warned = result.warnings.some((warning) => /\/kept-prose:/.test(warning)) ? ' kept-prose' : ''
    console.log(
      `${part}\t${name}${type}\tgold ${goldTokens}\tkept ${tp} (${Math.round((tp / goldTokens) * 100)}%)${emptied ? ' EMPTIED' : ''}${warned}\t${top(byRule)}${labels.size ? `\tclassifier: ${top(labels)}` : ''}`
    )
  }
  console.error(`${part}: ${listed} pages listed of ${documents.length}`)
}
console.log('\nmain cause (the rule that took most gold tokens), pages:')
for (const [key, count] of [...causes].sort()) console.log(`${key}\t${count}`)
