/**
 * The boilerplate quality benchmark on our own labelled pages (bench/quality/pages,
 * written in the style of twelve kinds of site): the default pipeline must keep its
 * token precision and recall, as the devset's score.py counts them.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {createPipeline} from '../../src/index.js'
import {prf, tokenScores} from '../../src/stages/boilerplate/classifier/index.js'

const PAGES = join(import.meta.dirname, '..', '..', 'bench', 'quality', 'pages')

describe('boilerplate quality on bench/quality/pages', () => {
  it('reaches token micro precision 0.93 and recall 0.93 with the default pipeline, far above the raw input', async () => {
    const names = readdirSync(PAGES).filter((name) => name.endsWith('.raw.txt'))
    expect(names.length).toBeGreaterThanOrEqual(12)
    const documents = names.map((name) => ({path: name, text: readFileSync(join(PAGES, name), 'utf8')}))
    const pipeline = createPipeline()
    await pipeline.prepare(() => documents)
    const system = {tp: 0, fp: 0, fn: 0}
    const raw = {tp: 0, fp: 0, fn: 0}
    for (const document of documents) {
      const gold = readFileSync(join(PAGES, document.path.replace('.raw.txt', '.gold.txt')), 'utf8')
      for (const [total, text] of [
        [system, pipeline.clean(document.text, document.path).text],
        [raw, document.text]
      ] as const) {
        const counts = tokenScores(gold, text)
        total.tp += counts.tp
        total.fp += counts.fp
        total.fn += counts.fn
      }
    }
    const scores = prf(system)
    expect(scores.p).toBeGreaterThan(0.93)
    expect(scores.r).toBeGreaterThan(0.93)
    expect(scores.f1).toBeGreaterThan(prf(raw).f1 + 0.15)
  })
})

/** Lines of the gold that read as prose (12+ words, a sentence end): the article's paragraphs. */
function proseLines(gold: string): string[] {
  return gold.split('\n').filter((line) => line.split(/\s+/).filter(Boolean).length >= 12 && /[.!?]$/.test(line))
}

/**
 * Pages written for this test in the style of sites unlike the benchmark's: one long
 * run of plain prose below a long menu (no blank lines between paragraphs), and a
 * league page that is mostly tables around a short report.
 */
const UNSEEN = join(import.meta.dirname, '..', '..', 'bench', 'quality', 'unseen')

describe('no gutted article on pages unlike the benchmark (bench/quality/unseen)', () => {
  const read = (name: string): string => readFileSync(join(UNSEEN, name), 'utf8')
  const names = ['13-teardown-plain-prose', '14-league-tables', '15-table-layout-sidebar']
  const documents = names.map((name) => ({path: `${name}.raw.txt`, text: read(`${name}.raw.txt`)}))

  it.each(names)('%s keeps every paragraph of its article, and its headline once', async (name) => {
    const pipeline = createPipeline()
    await pipeline.prepare(() => documents)
    const path = `${name}.raw.txt`
    expect(pipeline.stages.some((stage) => stage.corpus?.drop?.(path))).toBe(false)
    const output = pipeline.clean(read(path), path).text
    const gold = read(`${name}.gold.txt`)
    const paragraphs = proseLines(gold)
    expect(paragraphs.length).toBeGreaterThanOrEqual(2)
    for (const paragraph of paragraphs) expect(output).toContain(paragraph)
    const headline = gold.split('\n')[0]!
    expect(output.split('\n').filter((line) => line.trim() === headline)).toHaveLength(1)
  })
})
