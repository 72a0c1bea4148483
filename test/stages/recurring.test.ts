import {describe, expect, it} from 'vitest'
import {createPipeline, type Document} from '../../src/index.js'

const BODIES: Array<[string, string, string]> = [
  [
    'Tram depot plan approved',
    'Councillors voted seven to four for 640 homes on the old depot site after a session that ran past midnight.',
    'Construction could start next spring if the developer secures full permission this autumn.'
  ],
  [
    'Heatwave closes schools early',
    'Temperatures passed 41 degrees in the south, and hospitals reported a sharp rise in admissions for heatstroke.',
    'The weather agency expects the heat to ease by Thursday as a front moves in from the Atlantic.'
  ],
  [
    'Museum reopens with new wing',
    'A queue stretched past the old customs house as the harbour museum opened its glass-roofed gallery.',
    'About 1,800 objects are now on display, including a pilot boat lowered through the roof by crane.'
  ],
  [
    'Ferry service resumes',
    'Sailings between the two ports restart on Monday after a fault in the harbour crane halted crossings for three weeks.',
    'Tickets bought for cancelled trips will be honoured, the operator said in a statement.'
  ],
  [
    'Winger joins for record fee',
    'The club agreed a fee of about 62 million with the Brazilian side for the 21-year-old forward.',
    'He scored 19 goals in 64 league games and made his international debut in March.'
  ],
  [
    'Library hours cut',
    'Three branch libraries will open only four days a week from October to save money on staff.',
    'Campaigners have collected 12,000 signatures against the change and plan a protest at the town hall.'
  ],
  [
    'Volunteers clear the river',
    'More than 300 people pulled shopping trolleys, tyres and a sofa out of the river on Saturday.',
    'The clean-up was organised by a rowing club whose boats had been damaged by debris.'
  ]
]

function article(i: number): string {
  const [title, first, second] = BODIES[i]!
  return (
    [
      title,
      first,
      second,
      'Follow Riverside Metro on social media',
      'Sign in to manage your newsletters and alerts',
      'Readers can send corrections to the newsroom at any time, and every correction is logged publicly.'
    ].join('\n\n') + '\n'
  )
}

describe('recurring lines across a batch', () => {
  it('removes short lines that recur in many different documents, keeps recurring prose with a warning', async () => {
    const pipeline = createPipeline({stages: ['normalize', {boilerplate: {recurring: {minDocuments: 5}}}]})
    const documents: Document[] = BODIES.map((_, i) => ({path: `${i}.txt`, text: article(i)}))
    await pipeline.prepare(() => documents)
    const result = pipeline.clean(documents[0]!.text, '0.txt')
    expect(result.edits.map((edit) => [edit.rule, edit.before.trim()])).toEqual([
      ['recurring-line', 'Follow Riverside Metro on social media'],
      ['recurring-line', 'Sign in to manage your newsletters and alerts']
    ])
    expect(result.edits[0]!.reason).toBe('line found in 7+ different documents of the batch')
    expect(result.text).toContain('Readers can send corrections to the newsroom')
    expect(result.warnings).toEqual(['11:1 boilerplate/recurring-line: kept: reads like prose but recurs in 7+ documents'])
  })

  it('counts copies of one article once, so a syndicated article keeps its own lines', async () => {
    const pipeline = createPipeline({stages: ['normalize', {boilerplate: {recurring: {minDocuments: 5}}}]})
    const copies: Document[] = Array.from({length: 8}, (_, i) => ({
      path: `copy-${i}.txt`,
      text: article(0).replace('spring', i % 2 ? 'spring' : 'summer')
    }))
    await pipeline.prepare(() => copies)
    expect(pipeline.clean(copies[0]!.text, 'copy-0.txt').edits).toEqual([])
  })

  it('changes nothing until the batch has been seen', () => {
    const pipeline = createPipeline({stages: ['normalize', 'boilerplate']})
    expect(pipeline.clean(article(1)).edits).toEqual([])
  })
})
