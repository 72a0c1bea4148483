/**
 * A paragraph hard-wrapped mid-sentence that normalize leaves as lines: the prose
 * guard counts and keeps its lines, and the output is a fixed point.
 */
import {describe, expect, it} from 'vitest'
import {boilerplate, cleanDocument, normalize, repair} from '../../src/index.js'
import {segment} from '../../src/blocks/segment.js'
import {wrappedLines} from '../../src/stages/boilerplate/wrapped-prose.js'
import {rewrappedView} from '../../src/stages/boilerplate/rewrapped-view.js'

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

describe('rewrappedView', () => {
  it('joins the wrapped lines a removed side-column cell stood between, and names their source lines', () => {
    const lines = [
      'The council voted on Monday to keep the old library open for another',
      'year, after more than two thousand people signed a letter asking it to.'
    ]
    const blocks = segment(lines.join('\n'))
    const view = rewrappedView(blocks)
    expect(view.blocks.map((block) => block.text)).toEqual([lines.join(' ')])
    expect(view.sources[0]!.map((block) => block.index)).toEqual([0, 1])
    expect([view.blocks[0]!.start, view.blocks[0]!.end]).toEqual([blocks[0]!.start, blocks[1]!.end])
  })
})

describe('the prose guard on a hard-wrapped article', () => {
  const menu = Array.from({length: 30}, (_, i) => `  • Section ${i + 1}`)
  const text = [...menu, '', ...article.flatMap((paragraph) => [...paragraph, '']), 'Harbour News'].join('\n')
  // A model that calls every line boilerplate (content probability 0.007).
  const model = {line: {bias: -5}, context: {bias: -5}, threshold: 0.5}
  const stages = () => [
    normalize(),
    boilerplate({classifier: {model, protectProseTokens: 0, longProseTokens: 0, minBlocks: 10}, recurring: false}),
    repair()
  ]

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
