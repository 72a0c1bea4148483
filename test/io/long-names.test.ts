/** File names near the file system's limit of 255 bytes (NAME_MAX on Linux): every output is written. */
import {execFileSync} from 'node:child_process'
import {cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
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
    const result = await rinse(['run', input, '--out', join(work, 'out'), '--diffs', '-q'])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(readdirSync(join(work, 'out', 'cleaned'))).toEqual([name])
    expect(readdirSync(join(work, 'out', 'diffs'))).toEqual([`${name}.diff`])
    expect(readReport(join(work, 'out')).documents[0]!.edits.length).toBeGreaterThan(0)
  })

  it('gives a 253-byte name (no room for .diff) a shortened diff name that git apply applies, re-runs and `rinse diffs` agree on', async () => {
    const work = tempDir()
    const input = join(work, 'in')
    const out = join(work, 'out')
    mkdirSync(join(input, 'sub'), {recursive: true})
    const name = `${'字'.repeat(83)}.txt`
    expect(Buffer.byteLength(name)).toBe(253)
    writeFileSync(join(input, 'sub', name), 'Another page of text, with a line of prose.\n\nShare this\n')
    const result = await rinse(['run', input, '--out', out, '--diffs', '-q'])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const diffs = readdirSync(join(out, 'diffs', 'sub'))
    expect(diffs).toHaveLength(1)
    expect(diffs[0]).toMatch(/^字+~[0-9a-f]{8}\.diff$/)
    expect(Buffer.byteLength(diffs[0]!)).toBeLessThanOrEqual(255)
    const copy = join(work, 'patched')
    cpSync(input, copy, {recursive: true})
    // git apply, not GNU patch: patch's own temp name (the file's name and 8 bytes) is too long for this name.
    execFileSync('git', ['apply', '-p1', join(out, 'diffs', 'sub', diffs[0]!)], {cwd: copy})
    expect(readFileSync(join(copy, 'sub', name), 'utf8')).toBe(readFileSync(join(out, 'cleaned', 'sub', name), 'utf8'))
    // The re-run finds its diff (resumed, nothing stale), and `rinse diffs` writes the same name.
    const again = await rinse(['run', input, '--out', out, '--diffs'])
    expect(again.stdout).toContain('1 resumed')
    expect(again.stdout).not.toContain('no input in this run')
    rmSync(join(out, 'diffs'), {recursive: true})
    expect((await rinse(['diffs', out])).code).toBe(0)
    expect(readdirSync(join(out, 'diffs', 'sub'))).toEqual(diffs)
  })
})
