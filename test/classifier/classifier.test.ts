import {describe, expect, it} from 'vitest'
import {
  classifyBlocks,
  DEFAULT_CLASSIFIER_OPTIONS,
  tokenScores,
  prf,
  type ClassifierBlock
} from '../../src/stages/boilerplate/classifier/index.js'
import {LINE_FEATURES, documentFeatures, lineStats, mainRegion} from '../../src/stages/boilerplate/classifier/features.js'

/** Build blocks the way the boilerplate stage does: one per non-blank line. */
function blocksOf(page: string): ClassifierBlock[] {
  const out: ClassifierBlock[] = []
  let blank = false
  for (const line of page.split('\n')) {
    const text = line.replace(/\s+/g, ' ').trim()
    if (!text) {
      blank = true
      continue
    }
    out.push({text, blankBefore: blank})
    blank = false
  }
  return out
}

function kept(page: string): string[] {
  const blocks = blocksOf(page)
  const d = classifyBlocks(blocks)
  return blocks.filter((_, i) => !d[i]!.boilerplate).map((b) => b.text)
}

const ARTICLE = [
  'The town library will stay open until nine in the evening from next month, after a trial found that far more people used it after work than anyone had expected.',
  'Staff counted almost twice as many visitors between six and nine as during the whole of the morning, and most of them were borrowing books rather than using the computers.',
  'The extra hours will be paid for by closing the branch on Monday mornings, when it has always been at its quietest, the council said in a statement on Friday.',
  'Some regular visitors said they were sorry to lose the Monday sessions, but the change was welcomed by parents who had struggled to visit with children after school.',
  'A review of the new hours will take place at the end of the year.'
]

const NEWS_PAGE = `Skip to content
The Valley Gazette
Home | News | Sport | Business | What's On | Jobs
[Search            ] [Go]

Library to open late on weekday evenings

By a staff reporter

${ARTICLE.join('\n\n')}

Share this story
[Facebook] [Twitter] [Email]

Most Popular
  • Roadworks to close the high street for a week
  • Pictures: summer fair draws record crowd
  • Cafe owner celebrates forty years

Sign up for our newsletter [Email address] [Subscribe]
About us | Contact | Privacy | Terms
© 2025 Valley Gazette. All rights reserved.`

describe('classifyBlocks', () => {
  it('returns one decision per block and nothing for an empty page', () => {
    expect(classifyBlocks([])).toEqual([])
    const blocks = blocksOf(NEWS_PAGE)
    const d = classifyBlocks(blocks)
    expect(d).toHaveLength(blocks.length)
    for (const x of d) {
      expect(x.label).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
      expect(x.reason.length).toBeGreaterThan(0)
      expect(x.score).toBeGreaterThanOrEqual(0)
      expect(x.score).toBeLessThanOrEqual(1)
    }
  })

  it('keeps the article and drops menus, widgets, share bars, lists and footers', () => {
    const out = kept(NEWS_PAGE)
    for (const p of ARTICLE) expect(out).toContain(p)
    for (const junk of [
      "Home | News | Sport | Business | What's On | Jobs",
      '[Search ] [Go]',
      '[Facebook] [Twitter] [Email]',
      '© 2025 Valley Gazette. All rights reserved.',
      'About us | Contact | Privacy | Terms'
    ])
      expect(out).not.toContain(junk)
  })

  it('names the cue and explains it', () => {
    const blocks = blocksOf(NEWS_PAGE)
    const d = classifyBlocks(blocks)
    const menu = blocks.findIndex((b) => b.text.startsWith('Home | News'))
    expect(d[menu]!.boilerplate).toBe(true)
    expect(d[menu]!.reason).toMatch(/words/)
    const prose = blocks.findIndex((b) => b.text === ARTICLE[0])
    expect(d[prose]!.boilerplate).toBe(false)
    expect(d[prose]!.label).not.toBe('')
  })

  it('drops a comment thread after the article', () => {
    const page = `${ARTICLE.join('\n\n')}

3 Comments

Jo Bloggs says:
June 3, 2025 at 9:14 am
I use the library every week and the late opening will make a real difference to people like me who work shifts.
Reply

Sam K says:
June 3, 2025 at 11:02 am
Shame about Mondays, but I suppose they cannot open every hour of the day without more staff.
Reply

Leave a Reply
Your email address will not be published. Required fields are marked *`
    const out = kept(page)
    for (const p of ARTICLE.slice(0, 4)) expect(out).toContain(p)
    expect(out).not.toContain('Jo Bloggs says:')
    expect(out).not.toContain('Reply')
    expect(out.some((l) => l.startsWith('I use the library every week'))).toBe(false)
  })

  it('keeps long prose in a page without blank lines (scraped text, no paragraph breaks)', () => {
    const page = ['Local news', ...ARTICLE, 'Short subhead here', ...ARTICLE.map((l) => l.replace('library', 'museum'))].join('\n')
    const out = kept(page)
    for (const p of ARTICLE.slice(0, 4)) expect(out).toContain(p)
  })

  it("keeps long prose far from the main run in the prose guard's second decision (proseRows), not before", () => {
    const far =
      'The second half of the report, printed well below the first in a column of its own, says that the new timetable will be tried for six months and that the council will ask the people who use the buses what they think of it before it decides anything for good.'
    const menu = Array.from({length: 30}, (_, i) => `Section ${i + 1} Home News`)
    const blocks = blocksOf([...ARTICLE, menu.join('\n'), far].join('\n\n'))
    // A model that calls every line boilerplate: only the long-prose rule keeps a line.
    const model = {line: {bias: -5}, context: {bias: -5}, threshold: 0.5}
    const farIndex = blocks.findIndex((block) => block.text === far)
    const first = classifyBlocks(blocks, {model})[farIndex]!
    expect([first.boilerplate, first.label]).toEqual([true, 'outside-main-content'])
    expect(classifyBlocks(blocks, {model, longProseTokens: 1, proseRows: true})[farIndex]!.boilerplate).toBe(false)
  })

  it('is pure: same answer twice, input untouched', () => {
    const blocks = blocksOf(NEWS_PAGE)
    const copy = structuredClone(blocks)
    const a = classifyBlocks(blocks).map((d) => [d.boilerplate, d.score, d.label])
    const b = classifyBlocks(blocks).map((d) => [d.boilerplate, d.score, d.label])
    expect(a).toEqual(b)
    expect(blocks).toEqual(copy)
  })

  it('honours the threshold option', () => {
    const blocks = blocksOf(NEWS_PAGE)
    expect(classifyBlocks(blocks, {threshold: 0}).every((d) => !d.boilerplate)).toBe(true)
    expect(classifyBlocks(blocks, {threshold: 1.01, protectProseTokens: 0}).every((d) => d.boilerplate)).toBe(true)
  })

  it('exposes complete defaults and serializable features', () => {
    expect(DEFAULT_CLASSIFIER_OPTIONS.threshold).toBeGreaterThan(0)
    expect(DEFAULT_CLASSIFIER_OPTIONS.threshold).toBeLessThan(1)
    expect(typeof DEFAULT_CLASSIFIER_OPTIONS.protectProseTokens).toBe('number')
    expect(typeof DEFAULT_CLASSIFIER_OPTIONS.context).toBe('boolean')
    const d = classifyBlocks(blocksOf(NEWS_PAGE))[0]!
    const json = JSON.parse(JSON.stringify(d)) as {features: Record<string, number>}
    expect(Object.keys(json.features)).toEqual(expect.arrayContaining([...LINE_FEATURES]))
    expect(d.features.log_tokens).toBeGreaterThan(0)
  })
})

describe('features', () => {
  it('fills every named feature', () => {
    const doc = documentFeatures(blocksOf(NEWS_PAGE))
    for (const v of doc.vectors) {
      expect(v).toHaveLength(LINE_FEATURES.length)
      for (const x of v) expect(Number.isFinite(x)).toBe(true)
    }
  })

  it('measures a line', () => {
    const s = lineStats('The cat sat on the mat.')
    expect(s.tokens).toBe(6)
    expect(s.stop).toBe(3)
    expect(s.terminal).toBe(true)
    expect(lineStats('Home | News | Sport').separators).toBe(2)
    expect(lineStats('[Search ] [Go]').widgetOnly).toBe(true)
    expect(lineStats('Jo Bloggs says:').commentCue).toBe(true)
    expect(lineStats('Leave a Reply').commentMarker).toBe(true)
  })

  it('finds the densest run of prose', () => {
    const stats = blocksOf(NEWS_PAGE).map((b) => lineStats(b.text))
    const [a, b] = mainRegion(stats)
    const texts = blocksOf(NEWS_PAGE).map((x) => x.text)
    expect(texts[a]).toBe(ARTICLE[0])
    expect(texts[b]).toBe(ARTICLE[4])
  })
})

describe('tokenScores', () => {
  it('counts \\w+ tokens as bags with multiplicity, case-sensitive', () => {
    expect(tokenScores('a b b c', 'b b b d')).toEqual({tp: 2, fp: 2, fn: 2})
    expect(tokenScores('Apple', 'apple')).toEqual({tp: 0, fp: 1, fn: 1})
    expect(tokenScores("don't stop-me_now", 'don t stop me_now')).toEqual({tp: 4, fp: 0, fn: 0})
    expect(tokenScores('café 2025 日本', 'café, 2025! 日本')).toEqual({tp: 3, fp: 0, fn: 0})
  })

  it('gives score.py conventions for P/R/F1', () => {
    expect(prf({tp: 0, fp: 0, fn: 0})).toEqual({p: 1, r: 1, f1: 1})
    expect(prf({tp: 0, fp: 0, fn: 3})).toEqual({p: 0, r: 0, f1: 0})
    const r = prf({tp: 3, fp: 1, fn: 1})
    expect(r.p).toBeCloseTo(0.75)
    expect(r.f1).toBeCloseTo(0.75)
  })
})
