import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {ConfigError, loadOverlayFile, parseOverlayText} from '../../src/index.js'
import {tempDir} from '../helpers.js'

function overlayError(text: string): string {
  try {
    parseOverlayText(text, 'review.yaml')
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as Error).message
  }
  throw new Error('expected a ConfigError')
}

const SIGNED = 'by: ana, at: 2026-12-07'

describe('overlay files', () => {
  it('reads scopes by site and by path glob, each entry named by its file and line', () => {
    const overlay = parseOverlayText(
      [
        'version: 1',
        'scopes:',
        '  - site: site-b/',
        '    rulesOff:',
        `      - {rule: related-bullet, ${SIGNED}, why: real reading lists}`,
        '    keep:',
        `      - {line: 'The Daily Ledger', ${SIGNED}}`,
        '  - path: "news/**/*.txt"',
        '    remove:',
        '      - line: Advertisement',
        '        by: ana',
        '        at: 2026-12-07T10:00:00Z',
        ''
      ].join('\n'),
      'review.yaml'
    )
    expect(overlay).toEqual({
      source: 'review.yaml',
      scopes: [
        {
          site: 'site-b',
          rulesOff: [{id: 'review.yaml:5', rule: 'related-bullet', by: 'ana', at: '2026-12-07', why: 'real reading lists'}],
          keep: [{id: 'review.yaml:7', line: 'The Daily Ledger', by: 'ana', at: '2026-12-07'}],
          remove: []
        },
        {
          path: 'news/**/*.txt',
          rulesOff: [],
          keep: [],
          remove: [{id: 'review.yaml:10', line: 'Advertisement', by: 'ana', at: '2026-12-07T10:00:00Z'}]
        }
      ]
    })
  })

  it('names the file, the key and what was expected on mistakes', async () => {
    expect(overlayError('version: 2\nscopes: []\n')).toBe('review.yaml: `version`: expected 1')
    expect(overlayError('version: 1\n')).toBe('review.yaml: `scopes`: missing; expected a list')
    expect(overlayError('version: 1\nscopes: []\nstages: []\n')).toMatch(/^review\.yaml: `stages`: unknown key; expected version, scopes/)
    expect(overlayError(`version: 1\nscopes:\n  - site: a\n    keep:\n      - {line: x, by: ana}\n`)).toBe(
      'review.yaml: `scopes[0].keep[0].at`: missing; expected a string'
    )
    expect(overlayError(`version: 1\nscopes:\n  - site: a\n    rulesOff:\n      - {rule: related-bulet, ${SIGNED}}\n`)).toBe(
      'review.yaml: `scopes[0].rulesOff[0].rule`: unknown rule `related-bulet`; expected a rule id of docs/rules.md'
    )
    expect(overlayError(`version: 1\nscopes:\n  - {site: a, path: '*.txt'}\n`)).toMatch(
      /^review\.yaml: `scopes\[0\]`: expected exactly one of `site`/
    )
    expect(overlayError(`version: 1\nscopes:\n  - site: a\n    remove:\n      - {line: x, ${SIGNED}, who: me}\n`)).toMatch(
      /^review\.yaml: `scopes\[0\]\.remove\[0\]\.who`: unknown key/
    )
    expect(overlayError('version: 1\nscopes: [\n')).toMatch(/^review\.yaml: not valid YAML: /)
    const missing = join(tempDir(), 'none.yaml')
    await expect(loadOverlayFile(missing)).rejects.toThrow(`${missing}: cannot read the overlay file (ENOENT)`)
  })

  it('takes a rule as `stage/rule` too', async () => {
    const file = join(tempDir(), 'r.yaml')
    writeFileSync(file, `version: 1\nscopes:\n  - site: a\n    rulesOff:\n      - {rule: boilerplate/masthead, ${SIGNED}}\n`)
    expect((await loadOverlayFile(file)).scopes[0]!.rulesOff[0]).toMatchObject({id: `${file}:5`, rule: 'boilerplate/masthead'})
  })
})

describe('pipelines/review-example.yaml', () => {
  it('is a valid overlay', async () => {
    const overlay = await loadOverlayFile(join(import.meta.dirname, '..', '..', 'pipelines', 'review-example.yaml'))
    expect(overlay.scopes.map((scope) => scope.site ?? scope.path)).toEqual(['site-b', '*.txt'])
  })
})
