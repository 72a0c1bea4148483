import {describe, expect, it} from 'vitest'
import {createPipeline} from '../../src/index.js'

const dedupOnly = createPipeline({stages: ['dedup']})

describe('dedup within a document', () => {
  it('keeps one copy of a page dumped many times over, and names it in every removal', () => {
    const page = [
      'Harbour ferry timetable changes from Monday',
      'The ferry between the two harbours will run every forty minutes instead of every half hour, the operator said.',
      'Passengers with season tickets can ask for a partial refund at either terminal until the end of the month.'
    ].join('\n\n')
    const text = Array.from({length: 1500}, () => page).join('\n\n') + '\n'
    const result = dedupOnly.clean(text)
    expect(result.text).toBe(page + '\n')
    expect(result.edits.length).toBeGreaterThan(0)
    expect(new Set(result.edits.flatMap((edit) => [edit.rule, ...(edit.folded ?? []).map((folded) => folded.rule)]))).toEqual(
      new Set(['repeated-block'])
    )
    expect(new Set(result.edits.map((edit) => edit.detail?.keptLine))).toEqual(new Set([1, 3, 5]))
  })

  it('keeps the more complete of a summary and the paragraph that expands it, exact copies or not', () => {
    const text = [
      'Council approves the new cycle lane on the high street after a long debate.',
      'Other news of the day follows here in a separate paragraph of its own.',
      'Council approves the new cycle lane on the high street after a long debate, with work due to start in spring.',
      'Council approves the new cycle lane on the high street after a long debate.'
    ].join('\n\n')
    const result = dedupOnly.clean(text)
    expect(result.text).toBe(
      [
        'Other news of the day follows here in a separate paragraph of its own.',
        'Council approves the new cycle lane on the high street after a long debate, with work due to start in spring.'
      ].join('\n\n')
    )
  })

  it('joins the wrapped lines a removed copy led, as a second clean would', () => {
    // A reply quoting the line it answers: the quote is a copy, and once it is gone the
    // reply's lines are a wrapped paragraph no wider than a wrap width.
    const quote = 'The board will meet on Thursday to decide whether the spring fair moves to the river meadow this year.'
    const reply = [
      'I think the meadow is the better place for the fair, since the',
      'car park by the river holds twice as many cars as the one at',
      'the school, and the path from the station is flat all the way.'
    ]
    const text = [quote, [quote, ...reply].join('\n'), 'See you on Thursday.'].join('\n\n') + '\n'
    const once = dedupOnly.clean(text)
    expect(once.text).toBe([quote, reply.join(' '), 'See you on Thursday.'].join('\n\n') + '\n')
    expect(once.edits.map((edit) => `${edit.stage}/${edit.rule}`)).toEqual(['dedup/repeated-block', 'dedup/rejoin', 'dedup/rejoin'])
    const pipeline = createPipeline()
    expect(pipeline.clean(pipeline.clean(text).text).edits).toEqual([])
    // Lines no removal touched stay as they are.
    const untouched = [quote, reply.join('\n')].join('\n\n') + '\n'
    expect(dedupOnly.clean(untouched).text).toBe(untouched)
    expect(createPipeline({stages: [{dedup: {rules: {rejoin: false}}}]}).clean(text).text).toContain(reply.join('\n'))
  })
})
