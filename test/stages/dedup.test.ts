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
})
