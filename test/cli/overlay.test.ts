import {mkdirSync, readFileSync, writeFileSync, existsSync} from 'node:fs'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {listFiles, readReport, readStoredReport, rinse, sampleCopy} from '../helpers.js'

/** Our own page on a second site: a related-article bullet between paragraphs, and a promotion line the rules keep. */
const GARDEN = `Town garden opens a second plot for volunteers

The community garden on Mill Street will open a second plot next month after a year in which its waiting list grew to more than ninety households, the organisers said on Tuesday.

  • Allotment fees to rise for the first time in a decade

Volunteers will clear the new plot over three weekends in April, and the council has agreed to pay for a water tap and a tool shed near the gate on Orchard Lane.

Seed swap every Saturday

The organisers expect the first beds to be planted by early May, with half of them set aside for families who have waited longest for a place.
`

const SIGNED = 'by: ana, at: 2026-12-07'

/** site-b/ of the sample keeps its related bullets and its masthead; site-a/ loses its promotion line; one entry matches nothing. */
const REVIEW = `version: 1
scopes:
  - site: site-b/
    rulesOff:
      - {rule: related-bullet, ${SIGNED}, why: real reading lists}
    keep:
      - {line: 'The Daily Ledger', ${SIGNED}}
  - path: 'site-a/*.txt'
    remove:
      - {line: 'Seed swap every Saturday', ${SIGNED}, why: a promotion}
      - {line: 'No page has this line', ${SIGNED}}
`

function rulesOf(report: ReturnType<typeof readReport>, path: string): string[] {
  return report.documents.find((document) => document.path === path)!.edits.map((edit) => `${edit.stage}/${edit.rule}`)
}

function cleaned(out: string, path: string): string {
  return readFileSync(join(out, 'cleaned', path), 'utf8')
}

describe('rinse run --overlay', () => {
  let work: string
  let input: string
  let review: string
  const run = async (out: string, ...args: string[]) => {
    const result = await rinse(['run', input, '--out', join(work, out), ...args])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    return result
  }

  beforeAll(async () => {
    ;({work, input} = sampleCopy())
    mkdirSync(join(input, 'site-a'))
    writeFileSync(join(input, 'site-a', 'garden.txt'), GARDEN)
    review = join(work, 'review.yaml')
    writeFileSync(review, REVIEW)
    await run('plain')
    await run('reviewed', '--overlay', review)
  })

  it('switches a rule off on one site only, keeps and removes lines, and names the entry doing it', () => {
    const plain = readReport(join(work, 'plain'))
    const reviewed = readReport(join(work, 'reviewed'))
    expect(rulesOf(plain, 'site-b/football-transfer.txt')).toContain('boilerplate/related-bullet')
    expect(rulesOf(reviewed, 'site-b/football-transfer.txt')).not.toContain('boilerplate/related-bullet')
    expect(rulesOf(reviewed, 'site-a/garden.txt')).toContain('boilerplate/related-bullet')
    const football = cleaned(join(work, 'reviewed'), 'site-b/football-transfer.txt')
    expect(football.startsWith('The Daily Ledger\n')).toBe(true)
    expect(football).toContain('• Five things we learned from the opening week of the transfer window\n')
    expect(cleaned(join(work, 'plain'), 'site-b/football-transfer.txt')).not.toContain('The Daily Ledger')

    expect(cleaned(join(work, 'plain'), 'site-a/garden.txt')).toContain('Seed swap every Saturday')
    expect(cleaned(join(work, 'reviewed'), 'site-a/garden.txt')).not.toContain('Seed swap')
    const garden = reviewed.documents.find((document) => document.path === 'site-a/garden.txt')!
    expect(garden.edits.find((edit) => edit.rule === 'review-remove')).toMatchObject({
      stage: 'boilerplate',
      before: '\nSeed swap every Saturday\n',
      reason: `always removed by review: a promotion [${review}:10]`
    })
    const warnings = reviewed.documents.find((document) => document.path === 'site-b/football-transfer.txt')!.warnings
    expect(warnings).toEqual([
      `1:1 boilerplate/kept-by-review: kept by review; boilerplate/masthead would remove it (site name banner) [${review}:7]`,
      `15:1 boilerplate/kept-by-review: 3 boilerplate/related-bullet edits not made: the rule is off on site-b/ [${review}:5]`
    ])
  })

  it("records each document's site in report.json: its first folder, none at the top", () => {
    const sites = Object.fromEntries(readStoredReport(join(work, 'plain')).documents.map((document) => [document.path, document.site]))
    expect(sites).toMatchObject({'site-a/garden.txt': 'site-a', 'site-b/football-transfer.txt': 'site-b', 'heatwave.txt': undefined})
  })

  it("scopes by the pipeline's `site` pattern when it has one", async () => {
    const pipeline = join(work, 'sites.yaml')
    writeFileSync(pipeline, `${readFileSync(join(import.meta.dirname, '..', '..', 'pipelines', 'default.yaml'), 'utf8')}site: '^site-'\n`)
    const overlay = join(work, 'sites-review.yaml')
    writeFileSync(overlay, `version: 1\nscopes:\n  - site: site-\n    rulesOff:\n      - {rule: related-bullet, ${SIGNED}}\n`)
    await run('pattern', '--pipeline', pipeline, '--overlay', overlay)
    const report = readReport(join(work, 'pattern'))
    expect(rulesOf(report, 'site-a/garden.txt')).not.toContain('boilerplate/related-bullet')
    expect(rulesOf(report, 'site-b/football-transfer.txt')).not.toContain('boilerplate/related-bullet')
    expect(readStoredReport(join(work, 'pattern')).documents.find((document) => document.path === 'site-a/garden.txt')!.site).toBe('site-')
  })

  it('leaves every other document as the pipeline alone cleans it', () => {
    for (const path of listFiles(input)) {
      if (path.startsWith('site-')) continue
      expect(cleaned(join(work, 'reviewed'), path)).toBe(cleaned(join(work, 'plain'), path))
    }
  })

  it('reports the entries that match nothing, in the summary and in report.json', async () => {
    const result = await rinse(['run', input, '--out', join(work, 'stale'), '--overlay', review])
    expect(result.stdout).toContain(
      `rinse: 1 review entry matched nothing in this batch (listed in report.json under review.stale): ${review}:11\n`
    )
    expect(readReport(join(work, 'stale')).review).toEqual({
      overlays: [review],
      stale: [{entry: `${review}:11`, kind: 'remove', scope: 'site-a/*.txt', value: 'No page has this line'}]
    })
    expect(readReport(join(work, 'plain')).review).toBeUndefined()
  })

  it('gives the same output with one worker thread and with two', async () => {
    await run('one', '--overlay', review, '--workers', '1')
    await run('two', '--overlay', review, '--workers', '2')
    for (const path of listFiles(input)) expect(cleaned(join(work, 'two'), path)).toBe(cleaned(join(work, 'one'), path))
    const documents = (out: string) => readReport(join(work, out)).documents.map(({ms: _ms, ...document}) => document)
    expect(documents('two')).toEqual(documents('one'))
  })

  it('applies overlays in order: a later decision on a line wins', async () => {
    const keep = join(work, 'keep.yaml')
    const remove = join(work, 'remove.yaml')
    writeFileSync(keep, `version: 1\nscopes:\n  - site: site-a\n    keep:\n      - {line: 'Seed swap every Saturday', ${SIGNED}}\n`)
    writeFileSync(remove, `version: 1\nscopes:\n  - site: site-a\n    remove:\n      - {line: 'Seed swap every Saturday', ${SIGNED}}\n`)
    await run('remove-then-keep', '--overlay', remove, '--overlay', keep)
    await run('keep-then-remove', '--overlay', keep, '--overlay', remove)
    expect(cleaned(join(work, 'remove-then-keep'), 'site-a/garden.txt')).toContain('Seed swap every Saturday')
    expect(cleaned(join(work, 'keep-then-remove'), 'site-a/garden.txt')).not.toContain('Seed swap')
    expect(readReport(join(work, 'keep-then-remove')).review?.stale).toEqual([
      {entry: `${keep}:5`, kind: 'keep', scope: 'site-a/', value: 'Seed swap every Saturday'}
    ])
  })

  it('counts an entry that only stopped a drop as used: the copy is kept and says why', async () => {
    const copies = join(work, 'copies')
    mkdirSync(join(copies, 'site-c'), {recursive: true})
    for (const name of ['a.txt', 'b.txt']) writeFileSync(join(copies, 'site-c', name), GARDEN)
    const overlay = join(work, 'copies.yaml')
    writeFileSync(overlay, `version: 1\nscopes:\n  - site: site-c\n    rulesOff:\n      - {rule: duplicate-document, ${SIGNED}}\n`)
    const result = await rinse(['run', copies, '--out', join(work, 'copies-out'), '--overlay', overlay])
    expect(result.stdout).not.toContain('matched nothing')
    const report = readReport(join(work, 'copies-out'))
    expect(report.review?.stale).toEqual([])
    expect(report.documents.filter((document) => document.dropped)).toEqual([])
    expect(cleaned(join(work, 'copies-out'), 'site-c/b.txt')).toBe(cleaned(join(work, 'copies-out'), 'site-c/a.txt'))
    expect(report.documents.find((document) => document.path === 'site-c/b.txt')!.warnings).toEqual([
      `1:1 dedup/kept-by-review: not dropped: the rule is off on site-c/; dedup/duplicate-document would drop it (exact copy of site-c/a.txt, which is kept (similarity 1.00, containment 1.00)) [${overlay}:5]`
    ])
  })

  it('fails on an invalid overlay before reading any input (exit 2), naming the file and the key', async () => {
    const bad = join(work, 'bad.yaml')
    writeFileSync(bad, `version: 1\nscopes:\n  - site: site-b\n    rulesOff:\n      - {rule: related-bullet, by: ana}\n`)
    const out = join(work, 'bad-out')
    const result = await rinse(['run', join(work, 'no-such-input'), '--out', out, '--overlay', review, '--overlay', bad])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(`rinse: ${bad}: \`scopes[0].rulesOff[0].at\`: missing; expected a string\n`)
    expect(existsSync(out)).toBe(false)
  })

  it("takes a JSONL record's site from its `site` or `url` field, for the report and for site scopes", async () => {
    // The same page on two sites: the record whose url is on the reviewed site keeps its related bullet.
    const records = [
      {id: 'g1', url: 'https://news.example.com/garden', text: GARDEN},
      {id: 'g2', site: 'other.example.org', text: GARDEN},
      {id: 'g3', text: GARDEN}
    ]
    const dump = join(work, 'dump.jsonl')
    writeFileSync(dump, records.map((record) => JSON.stringify(record)).join('\n') + '\n')
    const overlay = join(work, 'by-host.yaml')
    writeFileSync(overlay, `version: 1\nscopes:\n  - site: news.example.com\n    rulesOff:\n      - {rule: related-bullet, ${SIGNED}}\n`)
    // Without dedup: the three records are one page, and only one would be kept.
    const pipeline = join(work, 'no-dedup.yaml')
    writeFileSync(pipeline, 'stages: [normalize, boilerplate, repair]\n')
    const out = join(work, 'jsonl-sites')
    const args = ['--format', 'jsonl', '--id-field', 'id', '--pipeline', pipeline, '--overlay', overlay]
    const result = await rinse(['run', dump, '--out', out, ...args])
    expect(result.stderr).toBe('')
    const report = readReport(out)
    const sites = Object.fromEntries(report.documents.map((document) => [document.path, document.site]))
    expect(sites).toEqual({'dump.jsonl#g1': 'news.example.com', 'dump.jsonl#g2': 'other.example.org', 'dump.jsonl#g3': undefined})
    const texts = readFileSync(join(out, 'cleaned', 'dump.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => (JSON.parse(line) as {text: string}).text)
    const bullet = 'Allotment fees to rise for the first time in a decade'
    expect(texts.map((text) => text.includes(bullet))).toEqual([true, false, false])
  })
})
