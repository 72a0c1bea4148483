/**
 * Development tool: run the boilerplate block classifier alone over the devset
 * (../shared/devset) and score it with the devset's score.py.
 *
 *   npx tsc -p tsconfig.json --outDir /tmp/cls-build
 *   node /tmp/cls-build/scripts/devset-classifier.js [--holdout] [--threshold T] [--protect N] [--margin M]
 *        [--no-context] [--keep DIR] [--per-doc] [--verbose] [--show NAME]
 *
 * --keep DIR writes the outputs; --per-doc writes score.py's per-document TSV to
 * the temp dir; --show NAME prints one page line by line (gold label, verdict,
 * score, label); --verbose lists short seed removals and bench mistakes.
 * Default: the shipped weights, both parts, plus the seed check (seed lines of
 * 8+ words the classifier would remove), the hand-written pages in
 * bench/quality/pages, and a speed measurement.
 * --holdout: retrain without the pages being scored: (a) train on one part,
 * test on the other; (b) 5-fold by page over both parts.
 */
import {execFileSync} from 'node:child_process'
import {mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {classifyBlocks, classifyWithModel} from '../src/stages/boilerplate/classifier/classify.js'
import type {ClassifierModel} from '../src/stages/boilerplate/classifier/model.js'
import type {BlockDecision, ClassifierOptions} from '../src/stages/boilerplate/classifier/types.js'
import {MODEL} from '../src/stages/boilerplate/classifier/weights.js'
import {prf, tokenScores} from '../src/stages/boilerplate/classifier/score.js'
import {DEVSET, PARTS, labelPage, loadPart, toBlocks, train, type Page, type Part} from './train-classifier.js'

const args = process.argv.slice(2)
const flag = (name: string): boolean => args.includes(name)
const value = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)

function output(page: Page, decisions: readonly BlockDecision[]): string {
  return (
    page.blocks
      .filter((_, i) => !decisions[i]!.boilerplate)
      .map((b) => b.text)
      .join('\n') + '\n'
  )
}

/** Write outputs and run score.py; returns its token lines. */
function score(part: Part, outputs: Map<string, string>, label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `cls-${part}-`))
  for (const [name, text] of outputs) writeFileSync(join(dir, `${name}.txt`), text)
  const perDoc = flag('--per-doc') ? ['--per-doc', join(tmpdir(), `cls-per-doc-${part}.tsv`)] : []
  const res = execFileSync('python3', [join(DEVSET, 'score.py'), dir, join(DEVSET, part), '--no-baseline', ...perDoc], {encoding: 'utf8'})
  const keep = value('--keep')
  if (keep) {
    const target = join(keep, part)
    mkdirSync(target, {recursive: true})
    for (const [name, text] of outputs) writeFileSync(join(target, `${name}.txt`), text)
  }
  rmSync(dir, {recursive: true, force: true})
  const lines = res
    .split('\n')
    .filter((l) => /system\s+(token|shingle4)/.test(l))
    .map((l) => `  ${label.padEnd(26)} ${part.padEnd(11)} ${l.replace(/^system\s+/, '')}`)
  return lines.join('\n')
}

function runModel(pages: readonly Page[], model: ClassifierModel | undefined, options: ClassifierOptions): Map<string, string> {
  const out = new Map<string, string>()
  for (const p of pages) {
    const d = model ? classifyWithModel(p.blocks, model, options) : classifyBlocks(p.blocks, options)
    out.set(p.name, output(p, d))
  }
  return out
}

function seedCheck(options: ClassifierOptions): void {
  const dir = join(DEVSET, '..', 'seeds')
  let files: string[]
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.txt'))
  } catch {
    console.log('seeds: none found')
    return
  }
  let removedLong = 0
  let removed = 0
  let total = 0
  for (const f of files) {
    const {blocks} = toBlocks(readFileSync(join(dir, f), 'utf8'))
    const d = classifyBlocks(blocks, options)
    blocks.forEach((b, i) => {
      total++
      if (!d[i]!.boilerplate) return
      removed++
      const words = b.text.split(' ').length
      if (words >= 8) {
        removedLong++
        console.log(`  seed ${f}: would remove (${d[i]!.label}, p=${d[i]!.score.toFixed(2)}): ${b.text.slice(0, 140)}`)
      } else if (flag('--verbose')) console.log(`  seed ${f}: short removed (${d[i]!.label}): ${b.text.slice(0, 100)}`)
    })
  }
  console.log(`seeds: ${files.length} files, ${total} lines, ${removed} removed, ${removedLong} of them with 8+ words`)
}

/** Score the hand-written pages in bench/quality/pages with the pure TS token scorer. */
function benchPages(options: ClassifierOptions): void {
  const dir = 'bench/quality/pages'
  let names: string[]
  try {
    names = readdirSync(dir)
      .filter((f) => f.endsWith('.raw.txt'))
      .map((f) => f.slice(0, -'.raw.txt'.length))
      .sort()
  } catch {
    return
  }
  const total = {tp: 0, fp: 0, fn: 0}
  for (const name of names) {
    const {blocks} = toBlocks(readFileSync(join(dir, `${name}.raw.txt`), 'utf8'))
    const gold = readFileSync(join(dir, `${name}.gold.txt`), 'utf8')
    const d = classifyBlocks(blocks, options)
    const kept = blocks
      .filter((_, i) => !d[i]!.boilerplate)
      .map((b) => b.text)
      .join('\n')
    const c = tokenScores(gold, kept)
    total.tp += c.tp
    total.fp += c.fp
    total.fn += c.fn
    const r = prf(c)
    console.log(`  bench ${name.padEnd(22)} P=${r.p.toFixed(3)} R=${r.r.toFixed(3)} F1=${r.f1.toFixed(3)}`)
    if (flag('--verbose'))
      blocks.forEach((b, i) => {
        const inGold = gold.includes(b.text)
        if (inGold === d[i]!.boilerplate)
          console.log(`      ${inGold ? 'LOST' : 'KEPT'} ${d[i]!.score.toFixed(2)} ${d[i]!.label}: ${b.text.slice(0, 90)}`)
      })
  }
  const r = prf(total)
  console.log(`bench/quality/pages: ${names.length} pages, token micro P=${r.p.toFixed(4)} R=${r.r.toFixed(4)} F1=${r.f1.toFixed(4)}`)
}

function speed(pages: readonly Page[]): void {
  let lines = 0
  let bytes = 0
  for (const p of pages) {
    lines += p.blocks.length
    for (const b of p.blocks) bytes += Buffer.byteLength(b.text) + 1
  }
  for (const p of pages.slice(0, 50)) classifyBlocks(p.blocks)
  const t0 = process.hrtime.bigint()
  for (const p of pages) classifyBlocks(p.blocks)
  const secs = Number(process.hrtime.bigint() - t0) / 1e9
  console.log(
    `speed: ${pages.length} pages, ${lines} lines, ${(bytes / 1e6).toFixed(1)} MB in ${secs.toFixed(2)} s = ${Math.round(lines / secs)} lines/s, ${(bytes / 1e6 / secs).toFixed(1)} MB/s`
  )
}

function main(): void {
  const threshold = value('--threshold')
  const options: ClassifierOptions = threshold ? {threshold: Number(threshold)} : {}
  if (flag('--no-context')) options.context = false
  const margin = value('--margin')
  if (margin) options.protectMargin = Number(margin)
  const protect = value('--protect')
  if (protect) options.protectProseTokens = Number(protect)
  const byPart = new Map<Part, Page[]>(PARTS.map((part) => [part, loadPart(part)]))
  const show = value('--show')
  if (show) {
    // Debug view of one page: gold label (+ content, - boilerplate, ? unknown), kept/removed, score, label.
    const page = PARTS.flatMap((p) => byPart.get(p)!).find((p) => p.name === show)
    if (!page) throw new Error(`no page ${show}`)
    const lp = labelPage(page)
    const d = classifyBlocks(page.blocks, options)
    page.blocks.forEach((b, i) => {
      const g = lp.labels[i] === 1 ? '+' : lp.labels[i] === 0 ? '-' : '?'
      const k = d[i]!.boilerplate ? 'DROP' : 'keep'
      const bad = (g === '+' && k === 'DROP') || (g === '-' && k === 'keep') ? '!!' : '  '
      console.log(`${bad}${g} ${k} ${d[i]!.score.toFixed(2)} ${d[i]!.label.padEnd(24)} ${b.text.slice(0, 110)}`)
    })
    return
  }
  if (!flag('--holdout')) {
    console.log(`shipped model, threshold ${options.threshold ?? MODEL.threshold}`)
    for (const part of PARTS) console.log(score(part, runModel(byPart.get(part)!, undefined, options), 'shipped'))
    seedCheck(options)
    benchPages(options)
    speed(PARTS.flatMap((p) => byPart.get(p)!))
    return
  }
  const labelled = new Map(PARTS.map((part) => [part, byPart.get(part)!.map(labelPage)]))
  // (a) cross-part: train on one part, test on the other.
  for (const [trainPart, testPart] of [
    ['boilerplate', 'wcxb'],
    ['wcxb', 'boilerplate']
  ] as const) {
    const model = train(labelled.get(trainPart)!)
    console.log(`cross-part: trained on ${trainPart}, threshold ${model.threshold}`)
    console.log(
      score(
        testPart,
        runModel(byPart.get(testPart)!, model, {...options, threshold: options.threshold ?? model.threshold}),
        `train ${trainPart}`
      )
    )
  }
  // (b) 5-fold by page over both parts.
  const k = 5
  const all = PARTS.flatMap((part) => labelled.get(part)!)
  const outputs = new Map<Part, Map<string, string>>(PARTS.map((p) => [p, new Map()]))
  const thresholds: number[] = []
  for (let f = 0; f < k; f++) {
    const model = train(all.filter((_, i) => i % k !== f))
    thresholds.push(model.threshold)
    for (const [i, p] of all.entries()) {
      if (i % k !== f) continue
      const d = classifyWithModel(p.blocks, model, {...options, threshold: options.threshold ?? model.threshold})
      outputs.get(p.part)!.set(p.name, output(p, d))
    }
  }
  console.log(`5-fold by page over both parts, thresholds ${thresholds.join(', ')}`)
  for (const part of PARTS) console.log(score(part, outputs.get(part)!, '5-fold'))
}

main()
