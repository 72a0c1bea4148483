import {describe, expect, it} from 'vitest'
import {createPipeline, DEFAULT_PIPELINE, parseOverlayText, parsePipeline, withOverlays} from '../../src/index.js'

/** Our own page: a promotion line and a share line written with HTML entities, which normalize decodes. */
const PAGE = `Caf&eacute; Gazette

The community garden on Mill Street will open a second plot next month after a year in which its waiting list grew to more than ninety households, the organisers said on Tuesday.

Seed swap at the Caf&eacute; every Saturday

Volunteers will clear the new plot over three weekends in April, and the council has agreed to pay for a water tap and a tool shed near the gate on Orchard Lane.

Share on Facebook &amp; Twitter
`

const SIGNED = 'by: ana, at: 2026-12-07'

function reviewed(entries: string): ReturnType<ReturnType<typeof createPipeline>['clean']> {
  const overlay = parseOverlayText(`version: 1\nscopes:\n  - site: site-x\n${entries}`, 'review.yaml')
  return createPipeline(withOverlays(parsePipeline(DEFAULT_PIPELINE), [overlay])).clean(PAGE, 'site-x/garden.txt')
}

describe('line entries of an overlay', () => {
  it('match a kept line written as the report shows it (the original text), not only as normalize leaves it', () => {
    expect(createPipeline(DEFAULT_PIPELINE).clean(PAGE, 'site-x/garden.txt').text).not.toContain('Share on Facebook')
    for (const line of ['Share on Facebook &amp; Twitter', 'Share on Facebook & Twitter']) {
      const result = reviewed(`    keep:\n      - {line: '${line}', ${SIGNED}}\n`)
      expect(result.text).toContain('\nShare on Facebook & Twitter\n')
      expect(result.warnings).toEqual([
        '9:1 boilerplate/kept-by-review: kept by review; boilerplate/share-bar would remove it (share buttons) [review.yaml:5]'
      ])
    }
  })

  it('match a removed line written in the original text too', () => {
    expect(createPipeline(DEFAULT_PIPELINE).clean(PAGE, 'site-x/garden.txt').text).toContain('\nSeed swap at the Café every Saturday\n')
    const result = reviewed(`    remove:\n      - {line: 'Seed swap at the Caf&eacute; every Saturday', ${SIGNED}}\n`)
    expect(result.text).not.toContain('Seed swap')
    expect(result.edits.find((edit) => edit.rule === 'review-remove')?.before).toBe('\nSeed swap at the Caf&eacute; every Saturday\n')
  })
})
