/** The line `rinse run` prints at the end. */
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {rinse, tempDir} from '../helpers.js'

describe('rinse run: the summary line', () => {
  it('shows a batch that grew as a gain (+2%), not as a removal of a negative share', async () => {
    const work = tempDir()
    const input = join(work, 'in')
    mkdirSync(input)
    // 64 bytes without a final newline: normalize adds one, 65 bytes.
    writeFileSync(join(input, 'a.txt'), 'A single line of prose without a final newline at the end of it.')
    const result = await rinse(['run', input, '--out', join(work, 'out')])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(' · 64 B → 65 B (+2%) · ')
  })
})
