/**
 * The copy guard: a document is not dropped as a near or partial copy on the
 * strength of what boilerplate removal left of it, of short lines, or when
 * dropping it would lose text of its own. Real copies are still dropped.
 */
import {describe, expect, it} from 'vitest'
import {createPipeline, type Pipeline} from '../../src/index.js'
import {collect, DedupIndex, resolveOptions, type CorpusDedupInput, type DocSignature} from '../../src/stages/dedup/corpus/index.js'
import {lightEdits, loadArticles, makeRandom} from '../../bench/dedup/corpus.js'

/** Deterministic prose: sentences of words from a small vocabulary, different per seed. */
function prose(seed: number, sentences: number): string {
  const words = (
    'harbour council ferry market library winter bridge school river garden station budget ' +
    'village museum coast tram festival hospital orchard bakery tunnel meadow lighthouse quarry'
  ).split(' ')
  const verbs = 'approved delayed opened closed funded repaired planned visited measured praised'.split(' ')
  // mulberry32: a small seeded generator, so every seed gives different text.
  let state = seed >>> 0
  const next = (n: number): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) % n
  }
  const out: string[] = []
  for (let s = 0; s < sentences; s++) {
    const picked = Array.from({length: 11}, () => words[next(words.length)]!)
    out.push(`The ${picked[0]} and the ${picked[1]} were ${verbs[next(verbs.length)]} by ${picked.slice(2).join(' ')} last year.`)
  }
  return out.join(' ')
}

/** Paragraphs of about 80 words each. */
const article = (seed: number, paragraphs: number): string[] => Array.from({length: paragraphs}, (_, i) => prose(seed * 100 + i, 5))

function run(signatures: DocSignature[], input: CorpusDedupInput = {}) {
  const index = new DedupIndex(resolveOptions(input))
  for (const signature of signatures) index.add(signature)
  return index.decisions()
}

const sign = (path: string, blocks: string[], facts: Partial<DocSignature> = {}): DocSignature => ({
  ...collect({path, blocks}, resolveOptions()),
  ...facts
})

describe('copy guard (engine)', () => {
  const full = article(1, 6)
  const chrome = prose(9, 4)

  it('keeps a partial copy of which boilerplate removal took most of the page, and says why', () => {
    const decisions = run([
      sign('kept.txt', [...full, chrome], {wordsRead: 700, wordsLeft: 560, proseWords: 560}),
      sign('remnant.txt', [chrome], {wordsRead: 800, wordsLeft: 60, proseWords: 60})
    ])
    const remnant = decisions.get('remnant.txt')!
    expect(remnant.action).toBe('keep')
    expect(remnant.clusterId).toBeNull()
    expect(remnant.guarded).toMatchObject({rule: 'stripped', keptPath: 'kept.txt', match: 'contained'})
    expect(remnant.guarded!.reason).toContain('removed 93% of its words (800 → 60')
    expect(decisions.get('kept.txt')).toMatchObject({action: 'keep', clusterId: null})
  })

  it('drops the same partial copy when little was removed (a teaser), or with the guard off', () => {
    const teaser = [full[0]!]
    const signatures = [
      sign('kept.txt', full, {wordsRead: 520, wordsLeft: 480, proseWords: 480}),
      sign('teaser.txt', teaser, {wordsRead: 110, wordsLeft: 85, proseWords: 80})
    ]
    expect(run(signatures).get('teaser.txt')).toMatchObject({action: 'drop', match: 'contained'})
    const stripped = [signatures[0]!, {...signatures[1]!, wordsRead: 900}]
    expect(run(stripped).get('teaser.txt')!.guarded?.rule).toBe('stripped')
    expect(run(stripped, {guard: false}).get('teaser.txt')).toMatchObject({action: 'drop'})
  })

  it('keeps a copy with too little prose: short lines match between pages of one site', () => {
    const menu = Array.from({length: 30}, (_, i) => `Section ${['news', 'sport', 'weather', 'opinion'][i % 4]} page ${i} archive`)
    const decisions = run([
      sign('kept.txt', [...full.slice(0, 2), ...menu], {wordsRead: 400, wordsLeft: 360, proseWords: 180}),
      sign('menu.txt', menu, {wordsRead: 200, wordsLeft: 180, proseWords: 0})
    ])
    expect(decisions.get('menu.txt')!.guarded).toMatchObject({rule: 'little-prose'})
    expect(decisions.get('menu.txt')!.guarded!.reason).toContain('only 0 of its words are prose')
  })

  it('keeps a near copy that has hundreds of words the kept copy lacks', () => {
    const shared = article(2, 14)
    // Eight paragraphs of its own: this text's small vocabulary repeats 3-word runs, so fewer would not count as hundreds of words.
    const decisions = run([sign('big.txt', [...shared, ...article(3, 8)]), sign('own.txt', [...shared, ...article(4, 8)])])
    const own = [...decisions.values()].find((decision) => decision.guarded)
    expect(own?.guarded).toMatchObject({rule: 'own-text', match: 'near'})
    expect(own!.guarded!.reason).toMatch(/lose about \d+ words that the kept copy lacks/)
    // With a higher bar the same pair is one cluster again.
    const strict = run([sign('big.txt', [...shared, ...article(3, 8)]), sign('own.txt', [...shared, ...article(4, 8)])], {
      guard: {maxLostWords: 5000}
    })
    expect([...strict.values()].filter((decision) => decision.action === 'drop')).toHaveLength(1)
  })

  it('keeps a copy of a gutted page whose remnant is mostly not prose, however long', () => {
    const decisions = run([
      sign('kept.txt', [...full, chrome], {wordsRead: 700, wordsLeft: 560, proseWords: 560}),
      sign('remnant.txt', [chrome], {wordsRead: 2000, wordsLeft: 250, proseWords: 25})
    ])
    expect(decisions.get('remnant.txt')!.guarded).toMatchObject({rule: 'stripped'})
    expect(decisions.get('remnant.txt')!.guarded!.reason).toContain('only 25 of them prose')
  })

  it('drops a long copy with a word changed here and there: edits are not text of its own', () => {
    const {articles} = loadArticles()
    const long = articles.slice(0, 5).flatMap((a) => a.paragraphs)
    const vocabulary = [...new Set(long.join(' ').toLowerCase().split(/\W+/))]
    const edited = lightEdits(long, makeRandom(3), vocabulary, 0.05)
    const decisions = run([sign('a.txt', long), sign('b.txt', edited)])
    const dropped = [...decisions.values()].filter((decision) => decision.action === 'drop')
    expect(dropped).toHaveLength(1)
    expect(dropped[0]).toMatchObject({match: 'near'})
  })

  it('never keeps an exact copy, whatever was removed before', () => {
    const decisions = run([
      sign('a.txt', [chrome], {wordsRead: 900, wordsLeft: 60, proseWords: 0}),
      sign('b.txt', [chrome], {wordsRead: 900, wordsLeft: 60, proseWords: 0})
    ])
    expect(decisions.get('b.txt')).toMatchObject({action: 'drop', match: 'exact'})
  })

  it('refuses guard options out of range', () => {
    expect(() => resolveOptions({guard: {maxRemovedShare: 0}})).toThrow(/guard.maxRemovedShare/)
    expect(() => resolveOptions({guard: {maxLostWords: 0}})).toThrow(/guard.maxLostWords/)
  })
})

describe('copy guard (pipeline)', () => {
  // Navigation every page of the site prints: the recurring-line pass removes it.
  const nav = Array.from({length: 40}, (_, i) => `Browse the ${['harbour', 'market', 'winter', 'garden'][i % 4]} guide number ${i} today`)
  const notice = prose(50, 3)
  const page = (body: string[]): string => [...nav, ...body, notice].join('\n\n') + '\n'
  const story = article(5, 5)
  const documents = [
    {path: 'a-story.txt', text: page(story)},
    {path: 'b-copy.txt', text: [...story, notice].join('\n\n') + '\n'},
    {path: 'c-empty.txt', text: page([])},
    {path: 'e-syndicated.txt', text: ['The Coast Courier', ...story, notice, 'Share this story with a friend today'].join('\n\n') + '\n'},
    ...[6, 7, 8, 9].map((seed) => ({path: `d-other-${seed}.txt`, text: page(article(seed, 4))}))
  ]

  async function prepared(): Promise<Pipeline> {
    // A pattern for the navigation and no classifier, so that what boilerplate removal leaves is plain.
    const patterns = [{id: 'site-nav', pattern: '^Browse the ', reason: 'site navigation'}]
    const pipeline = createPipeline({stages: ['normalize', {boilerplate: {classifier: false, patterns}}, 'repair', 'dedup']})
    await pipeline.prepare(() => documents)
    return pipeline
  }
  const dropOf = (pipeline: Pipeline, path: string) => pipeline.stages.find((stage) => stage.name === 'dedup')!.corpus!.drop!(path)

  it('keeps the page of which only the site notice is left, with a kept-copy warning, and still drops real copies', async () => {
    const pipeline = await prepared()
    expect(dropOf(pipeline, 'a-story.txt')).toBeUndefined()
    expect(dropOf(pipeline, 'b-copy.txt')).toMatchObject({rule: 'duplicate-document', detail: {match: 'exact'}})
    expect(dropOf(pipeline, 'e-syndicated.txt')).toMatchObject({rule: 'duplicate-document', detail: {keptPath: 'a-story.txt'}})
    expect(dropOf(pipeline, 'c-empty.txt')).toBeUndefined()
    const result = pipeline.clean(documents.find((document) => document.path === 'c-empty.txt')!.text, 'c-empty.txt')
    expect(result.text).toBe(`${notice}\n`)
    expect(result.warnings.filter((line) => line.includes(' dedup/kept-copy: '))).toEqual([
      expect.stringMatching(
        /^81:1 dedup\/kept-copy: kept: a partial copy \(contained\) of a-story\.txt \(similarity [\d.]+, containment 1\.00\), not dropped: the stages before dedup removed 8\d% of its words/
      )
    ])
    const clusters = pipeline.stages.flatMap((stage) => stage.corpus?.clusters?.() ?? [])
    expect(
      clusters.filter((cluster) => cluster.kind === 'document').flatMap((cluster) => cluster.members.map((member) => member.path))
    ).not.toContain('c-empty.txt')
  })
})
