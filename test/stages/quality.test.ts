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
