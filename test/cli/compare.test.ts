import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {rinse, sampleCopy} from '../helpers.js'

const SIGNED = 'by: ana, at: 2026-12-07'

describe('rinse compare and rinse report --compare', () => {
  let work: string
  let first: string
  let second: string

  beforeAll(async () => {
    const sample = sampleCopy()
    work = sample.work
    first = join(work, 'first')
    second = join(work, 'second')
    const overlay = join(work, 'review.yaml')
    writeFileSync(overlay, `version: 1\nscopes:\n  - site: site-b\n    rulesOff:\n      - {rule: related-bullet, ${SIGNED}}\n`)
    expect((await rinse(['run', sample.input, '--out', first])).code).toBe(0)
    const run = await rinse(['run', sample.input, '--out', second, '--overlay', overlay, '--compare', first])
    expect(run.stderr).toBe('')
    expect(run.stdout).toContain(`rinse: compared with ${first}: 1 of 6 documents cleaned differently (Compare tab of report.html)\n`)
  })

  it('prints the documents cleaned differently and the edits per rule and site', async () => {
    const result = await rinse(['compare', first, second])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('rinse compare: 1 of 6 documents cleaned differently\n  site-b/football-transfer.txt\n')
    expect(result.stdout).toMatch(/\n {2}site-b\/: boilerplate\/related-bullet 3 → 0 \(−3\)/)
  })

  it('rebuilds report.html with the Compare tab the run gave it, and without it when not asked', async () => {
    const page = join(second, 'report.html')
    const withCompare = readFileSync(page, 'utf8')
    writeFileSync(page, 'stale')
    const rebuilt = await rinse(['report', second, '--compare', first])
    expect(rebuilt.code).toBe(0)
    expect(readFileSync(page, 'utf8')).toBe(withCompare)
    await rinse(['report', second])
    const plain = readFileSync(page, 'utf8')
    expect(plain).not.toBe(withCompare)
    expect(plain.length).toBeLessThan(withCompare.length)
  })

  it('fails with exit 2 when the folder to compare with holds no run', async () => {
    const empty = join(work, 'empty')
    mkdirSync(empty)
    const result = await rinse(['report', second, '--compare', empty])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(`rinse: ${empty}: no report.json here; expected the output folder of a rinse run\n`)
  })
})
