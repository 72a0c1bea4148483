/** File names near the file system's limit of 255 bytes (NAME_MAX on Linux): every output is written. */
import {mkdirSync, readdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {readReport, rinse, tempDir} from '../helpers.js'

describe('rinse run: long file names', () => {
  it('cleans a file whose name is 232 bytes (76 CJK characters and .txt), with its diff', async () => {
    const work = tempDir()
    const input = join(work, 'in')
    mkdirSync(input)
    const name = `${'漢'.repeat(76)}.txt` // 228 + 4 bytes: the old temp name (name + 30-odd bytes) was too long
    expect(Buffer.byteLength(name)).toBeGreaterThan(225)
    writeFileSync(join(input, name), 'A page of text with a line of prose in it.\n\nShare this\n')
    const result = await rinse(['run', input, '--out', join(work, 'out'), '-q'])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(readdirSync(join(work, 'out', 'cleaned'))).toEqual([name])
    expect(readdirSync(join(work, 'out', 'diffs'))).toEqual([`${name}.diff`])
    expect(readReport(join(work, 'out')).documents[0]!.edits.length).toBeGreaterThan(0)
  })
})
