import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {createPipeline, type Document} from '../../src/index.js'
import {readReport, rinse, tempDir} from '../helpers.js'

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
    expect(result.edits[0]!.reason).toBe('line on 7 of 7 pages of the batch')
    expect(result.text).toContain('Readers can send corrections to the newsroom')
    expect(result.warnings).toEqual(['11:1 boilerplate/recurring-line: kept: reads like prose but is on 7 of 7 pages of the batch'])
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

  it("tells a site's articles apart by their paragraphs, not by the template they share, so that a second clean changes nothing", async () => {
    const pipeline = createPipeline({stages: ['normalize', {boilerplate: {recurring: {minDocuments: 5}, classifier: false}}]})
    // A template of 40 lines around one long paragraph: the whole pages look alike, their articles do not.
    const template = Array.from({length: 40}, (_, k) => `Riverside Metro section ${k} and its latest news`)
    const page = (i: number): string => {
      const [title, first, second] = BODIES[i]!
      const paragraph = `${title}: ${first} ${second} Our reporters will follow the story as it develops this week, and readers can send us what they know about it.`
      return (
        [...template.slice(0, 20), 'Register to gain free access to Riverside Metro tools', paragraph, ...template.slice(20)].join('\n\n') +
        '\n'
      )
    }
    const documents: Document[] = BODIES.map((_, i) => ({path: `${i}.txt`, text: page(i)}))
    await pipeline.prepare(() => documents)
    const cleaned = documents.map((document) => ({path: document.path, text: pipeline.clean(document.text, document.path).text}))
    for (const document of cleaned) {
      expect(document.text).not.toContain('Register to gain free access')
      expect(document.text).toContain('Our reporters will follow the story')
    }
    const again = createPipeline({stages: ['normalize', {boilerplate: {recurring: {minDocuments: 5}, classifier: false}}]})
    await again.prepare(() => cleaned)
    for (const document of cleaned) expect(again.clean(document.text, document.path).edits).toEqual([])
  })

  it("counts a line on its site's pages: one site's template is not another's", async () => {
    const pipeline = createPipeline({stages: ['normalize', {boilerplate: {recurring: {minDocuments: 5}}}]})
    // Five pages of site-a/ and two of site-b/ end with the same line: seven in the batch, but only site-a/ has it on five.
    const documents: Document[] = BODIES.map((_, i) => ({path: `${i < 5 ? 'site-a' : 'site-b'}/${i}.txt`, text: article(i)}))
    await pipeline.prepare(() => documents)
    const onA = pipeline.clean(documents[0]!.text, 'site-a/0.txt')
    expect(onA.edits.map((edit) => [edit.rule, edit.reason])).toEqual([
      ['recurring-line', 'line on 5 of 5 pages of site-a/'],
      ['recurring-line', 'line on 5 of 5 pages of site-a/']
    ])
    expect(onA.warnings).toEqual(['11:1 boilerplate/recurring-line: kept: reads like prose but is on 5 of 5 pages of site-a/'])
    const onB = pipeline.clean(documents[5]!.text, 'site-b/5.txt')
    expect(onB.edits).toEqual([])
    expect(onB.text).toBe(documents[5]!.text)
  })

  it("counts by the pipeline's `site` pattern, and the pages without a site together", async () => {
    const pipeline = createPipeline({site: '^crawl/([^/]+)/', stages: ['normalize', {boilerplate: {recurring: {minDocuments: 3}}}]})
    // crawl/a/ has three pages (in two folders), crawl/b/ two, and two pages match no site.
    const paths = ['crawl/a/2024/0.txt', 'crawl/a/2025/1.txt', 'crawl/a/2.txt', 'crawl/b/3.txt', 'crawl/b/4.txt', 'loose/5.txt', '6.txt']
    const documents: Document[] = paths.map((path, i) => ({path, text: article(i)}))
    await pipeline.prepare(() => documents)
    const reasons = (i: number) => pipeline.clean(documents[i]!.text, paths[i]).edits.map((edit) => edit.reason)
    expect(reasons(1)).toEqual(['line on 3 of 3 pages of a/', 'line on 3 of 3 pages of a/'])
    expect(reasons(3)).toEqual([])
    expect(reasons(6)).toEqual([])
  })

  it('names copies among the pages holding a line', async () => {
    const pipeline = createPipeline({stages: ['normalize', {boilerplate: {recurring: {minDocuments: 5}}}]})
    const documents: Document[] = [...BODIES.keys(), 0].map((i, at) => ({path: `${at}.txt`, text: article(i)}))
    await pipeline.prepare(() => documents)
    expect(pipeline.clean(documents[1]!.text, '1.txt').edits[0]!.reason).toBe('line on 8 of 8 pages of the batch (7 different)')
  })

  it('gives the same evidence with one worker thread and with two, and on a resumed run', async () => {
    const work = tempDir()
    const input = join(work, 'in')
    BODIES.forEach((_, i) => {
      const site = join(input, i < 5 ? 'site-a' : 'site-b')
      mkdirSync(site, {recursive: true})
      writeFileSync(join(site, `${i}.txt`), article(i))
    })
    const pipeline = join(work, 'pipeline.yaml')
    writeFileSync(pipeline, 'stages:\n  - normalize\n  - boilerplate: {recurring: {minDocuments: 5}}\n')
    const run = async (out: string, ...args: string[]) => {
      const result = await rinse(['run', input, '--out', join(work, out), '--pipeline', pipeline, ...args])
      expect(result.stderr).toBe('')
      return readReport(join(work, out)).documents.map(({ms: _ms, ...document}) => document)
    }
    const one = await run('one', '--workers', '1')
    const reasons = (path: string) => one.find((document) => document.path === path)!.edits.map((edit) => edit.reason)
    expect(reasons('site-a/0.txt')).toEqual(['line on 5 of 5 pages of site-a/'])
    expect(reasons('site-b/5.txt')).toEqual([])
    expect(await run('two', '--workers', '2')).toEqual(one)
    writeFileSync(join(work, 'two', 'cleaned', 'site-a', '0.txt'), 'stale')
    expect(await run('two', '--workers', '2')).toEqual(one)
    expect(readFileSync(join(work, 'two', 'cleaned', 'site-a', '0.txt'), 'utf8')).toBe(
      readFileSync(join(work, 'one', 'cleaned', 'site-a', '0.txt'), 'utf8')
    )
  })

  it('changes nothing until the batch has been seen', () => {
    const pipeline = createPipeline({stages: ['normalize', 'boilerplate']})
    expect(pipeline.clean(article(1)).edits).toEqual([])
  })
})
