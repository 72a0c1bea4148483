/**
 * Boilerplate's last rounds see the text as a second clean would: as the later
 * repair leaves it. A repair changes a line's features (a glued word split makes
 * one more word), and the output must be a fixed point all the same.
 */
import {describe, expect, it} from 'vitest'
import {boilerplate, cleanDocument, normalize, repair, type ConfiguredStage} from '../../src/index.js'
import {segment} from '../../src/blocks/segment.js'
import {repairedView} from '../../src/stages/boilerplate/repaired-view.js'

/** A model that calls a line of 12 or more words boilerplate (content probability 0.05) and any shorter one content (0.95). */
const model = {line: {bias: 3, tok_ge_12: -6}, context: {}, threshold: 0.5}

function stages(): ConfiguredStage[] {
  const classifier = {model, context: false, protectProseTokens: 0, longProseTokens: 0, minBlocks: 1}
  const options = {classifier, recurring: false as const, proseGuard: false as const, emptyGuard: false as const}
  return [normalize(), boilerplate(options, {repair: repair()}), repair()]
}

// 11 words as written; 12 once repair splits the glued `budgetOfficials`.
const glued = 'There were deep cuts to the budgetOfficials said on Monday night'
const text = ['Town news', '', 'The mayor spoke on Monday.', glued, 'The market opens in May.', ''].join('\n')

describe("boilerplate's view of a second clean", () => {
  it('decides on a line as repair leaves it: the split line has 12 words, which the model removes', () => {
    const once = cleanDocument(text, stages(), 'page.txt')
    expect(once.text).toBe('Town news\n\nThe mayor spoke on Monday.\nThe market opens in May.\n')
    expect(once.edits.map((edit) => `${edit.stage}/${edit.rule}`)).toEqual(['boilerplate/block-classifier'])
  })

  it('changes nothing when it cleans its output again', () => {
    const once = cleanDocument(text, stages(), 'page.txt')
    const again = cleanDocument(once.text, stages(), 'page.txt')
    expect(again.edits).toEqual([])
    expect(again.text).toBe(once.text)
  })

  it('names the lines each repaired line came from, and which lines repair changed', () => {
    const blocks = segment(['The mayor spoke on Monday.', glued].join('\n'))
    const view = repairedView(blocks, {repair: repair()})
    expect(view.blocks.map((block) => block.text)).toEqual([
      'The mayor spoke on Monday.',
      glued.replace('budgetOfficials', 'budget Officials')
    ])
    expect(view.sources.map((group) => group.map((block) => block.index))).toEqual([[0], [1]])
    expect(view.changed).toEqual([false, true])
  })
})

describe('hard-wrap and drawn tables', () => {
  it("keeps a framed box's lines and a table's rows apart: joined, they read as no sentence", () => {
    const box = [
      '┃ The hall opens at nine on Saturday, and the first talk on the ┃',
      '┃ history of the harbour starts at ten in the main room upstairs. ┃',
      '┃ Tea and cake are served in the garden from noon until four. ┃'
    ].join('\n')
    const table = [
      '2021 │ harbour hall │ 1200 visitors │ 14 talks',
      '2022 │ harbour hall │ 1850 visitors │ 19 talks',
      '2023 │ market hall │ 2310 visitors │ 25 talks'
    ].join('\n')
    const normalizing = [normalize()]
    expect(cleanDocument(box + '\n', normalizing).text).toBe(box + '\n')
    expect(cleanDocument(table + '\n', normalizing).text).toBe(table + '\n')
  })
})
