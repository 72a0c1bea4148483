/**
 * Symbolic links inside the input, as docs/batch-runs.md states the rule: a file link is
 * followed wherever it points, read only, and named by its place under INPUT; a folder
 * link is not walked.
 */
import {mkdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {fileHashes, listFiles, readReport, rinse, tempDir} from '../helpers.js'

describe('rinse run: symbolic links in the input', () => {
  it('reads a file link that points outside the input (leaving its target as it was) and does not walk a folder link', async () => {
    const work = tempDir()
    const input = join(work, 'in')
    const outside = join(work, 'elsewhere')
    mkdirSync(input)
    mkdirSync(join(outside, 'deeper'), {recursive: true})
    writeFileSync(join(input, 'own.txt'), 'A page of the input.   \n')
    writeFileSync(join(outside, 'target.txt'), 'A page kept elsewhere, linked into the input.   \n')
    writeFileSync(join(outside, 'deeper', 'other.txt'), 'A page only a folder link would reach.\n')
    symlinkSync(join(outside, 'target.txt'), join(input, 'linked.txt'))
    symlinkSync(outside, join(input, 'folder-link'))
    const before = fileHashes(outside)

    const out = join(work, 'out')
    const result = await rinse(['run', input, '--out', out, '-q'])
    expect(result.code, result.stderr).toBe(0)
    expect(listFiles(join(out, 'cleaned')).sort()).toEqual(['linked.txt', 'own.txt'])
    expect(readFileSync(join(out, 'cleaned', 'linked.txt'), 'utf8')).toBe('A page kept elsewhere, linked into the input.\n')
    expect(readReport(out).documents.map((document) => document.path)).toEqual(['linked.txt', 'own.txt'])
    // Read, never written: the link's target and its folder are as they were.
    expect(fileHashes(outside)).toEqual(before)
  })
})
