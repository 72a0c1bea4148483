/**
 * A paragraph hard-wrapped mid-sentence that normalize leaves as lines: the prose
 * guard counts and keeps its lines, and the output is a fixed point.
 */
import {describe, expect, it} from 'vitest'
import {boilerplate, cleanDocument, normalize, repair, type ConfiguredStage} from '../../src/index.js'
import {segment} from '../../src/blocks/segment.js'
import {wrappedLines} from '../../src/stages/boilerplate/wrapped-prose.js'
import {repairedView} from '../../src/stages/boilerplate/repaired-view.js'

// Three paragraphs wrapped at about 110 columns, wider than hard-wrap joins, so they stay lines.
const article = [
  [
    'When the harbour board met on Tuesday evening, the members spent most of the night talking about the old ferry',
    'terminal, which has stood empty for the ten years since the last boat left for the islands and which the town',
    'council would now like to turn into a covered market for the farmers and the fishers of the whole valley.'
  ],
  [
    'The plan is not new, and it has been put to the board in one form or another at least three times since the',
    'council first bought the building, but this is the first time that the money for the work is in the budget',
    'and that the people who would run the market have said in writing that they are ready to start in spring.'
  ],
  [
    'Some of the members still worry about the cost of the roof and about the parking on the quay, which is full',
    'on most summer days already, and they asked the council to come back in a month with a plan for both of',
    'them before the board votes on whether the terminal can be let to the market for the next twenty years.'
  ]
]

describe('wrappedLines', () => {
  it('marks the lines of a wrapped paragraph that run on, not its last line or a lone long line', () => {
    const blocks = segment(
      [...article[0]!, '', 'Read the whole report of the board and the comments of the people of the town here'].join('\n')
    )
    expect(wrappedLines(blocks)).toEqual([true, true, false, false])
  })
})

describe('repairedView', () => {
  it('joins the wrapped lines a removed side-column cell stood between, and names their source lines', () => {
    const lines = [
      'The council voted on Monday to keep the old library open for another',
      'year, after more than two thousand people signed a letter asking it to.'
    ]
    const blocks = segment(lines.join('\n'))
    const view = repairedView(blocks)
    expect(view.blocks.map((block) => block.text)).toEqual([lines.join(' ')])
    expect(view.sources[0]!.map((block) => block.index)).toEqual([0, 1])
    expect([view.blocks[0]!.start, view.blocks[0]!.end]).toEqual([blocks[0]!.start, blocks[1]!.end])
  })
})

/** A long menu above the article, for the classifier to call it a page. */
const MENU = Array.from({length: 30}, (_, i) => `  • Section ${i + 1}`)

/** The stages with a model that calls every line boilerplate (content probability 0.007): only the prose guard keeps text. */
function stages(): ConfiguredStage[] {
  const model = {line: {bias: -5}, context: {bias: -5}, threshold: 0.5}
  return [
    normalize(),
    boilerplate({classifier: {model, protectProseTokens: 0, longProseTokens: 0, minBlocks: 10}, recurring: false}),
    repair()
  ]
}

describe('the prose guard on a hard-wrapped article', () => {
  const text = [...MENU, '', ...article.flatMap((paragraph) => [...paragraph, '']), 'Harbour News'].join('\n')

  it('keeps the wrapped lines, which it counts as prose, and warns', () => {
    const result = cleanDocument(text, stages(), 'page.txt')
    for (const line of article.flat()) expect(result.text).toContain(line)
    expect(result.text).not.toContain('Section 7')
    expect(result.warnings.filter((warning) => warning.includes('boilerplate/kept-prose'))).toHaveLength(1)
  })

  it('changes nothing when it cleans its output again', () => {
    const first = cleanDocument(text, stages(), 'page.txt')
    const second = cleanDocument(first.text, stages(), 'page.txt')
    expect(second.edits).toEqual([])
    expect(second.text).toBe(first.text)
  })
})

describe('a column layout: a wrapped paragraph with side-column cells between its lines', () => {
  // Wrapped at 77 columns; the cells keep normalize from joining the lines (too few fill the width).
  const lines = [
    'The people who live along the old canal have asked the county for years to',
    'mend the towpath, which floods every winter and which most of them have to',
    'walk along to reach the bus stop, the school and the shop in the village, and',
    'this spring the county at last put the work in its budget for the next year.',
    'The engineers who looked at the path in March said that the drains under it',
    'had been blocked for a long time and that the water had nowhere else to go,',
    'so the first part of the work will be to clear them before the path is laid',
    'again with stone from the quarry on the hill that the county has used before.',
    'The work should start in June and take about ten weeks, and the path will be',
    'closed for most of that time, with a bus laid on for the children who use it.'
  ]
  const cells = ['» Weather', '» Sport', '» Letters', '» Events']
  const column = lines.flatMap((line, i) => (i % 2 === 1 && i < 9 ? [line, cells[(i - 1) / 2]!] : [line]))
  const text = [...MENU, '', ...column, '', 'Canal News'].join('\n')

  it('keeps the paragraph, which rewrap joins once the cells are gone', () => {
    const result = cleanDocument(text, stages(), 'page.txt')
    expect(result.text).toContain(lines.join(' '))
    for (const cell of cells) expect(result.text).not.toContain(cell)
  })

  it('changes nothing when it cleans its output again', () => {
    const first = cleanDocument(text, stages(), 'page.txt')
    const second = cleanDocument(first.text, stages(), 'page.txt')
    expect(second.edits).toEqual([])
  })
})
