/** Outputs of inputs removed since an earlier run: listed (kept) by default, deleted with --prune. */
import {existsSync, mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {findStaleOutputs, pruneOutputs} from '../../src/io/stale-outputs.js'
import {listFiles, readReport, rinse, sampleCopy, tempDir} from '../helpers.js'

describe('outputs whose input is gone', () => {
  it('are listed and kept, then deleted with --prune; a renamed input gets new outputs and a file that fails keeps its old ones', async () => {
    const {work, input, out} = sampleCopy()
    // A sub-folder of inputs, removed whole: its output folders are emptied.
    const folder = listFiles(input)
      .find((name) => name.includes('/'))!
      .split('/')[0]!
    const nested = listFiles(input).filter((name) => name.startsWith(`${folder}/`))
    const [renamed, failing] = listFiles(input).filter((name) => !name.includes('/'))
    expect((await rinse(['run', input, '--out', out, '--workers', '1', '--diffs'])).code).toBe(0)
    expect(readReport(out).stale).toBeUndefined()
    const before = listFiles(out)
    for (const name of nested) expect(before).toContain(`cleaned/${name}`)

    // One input removed, one renamed, one made unreadable as text (its outputs are kept: nothing is lost).
    renameSync(join(input, folder), join(work, 'set-aside'))
    renameSync(join(input, renamed!), join(input, `new-${renamed}`))
    writeFileSync(join(input, failing!), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))
    const listed = await rinse(['run', input, '--out', out, '--workers', '1', '--diffs'])
    expect(listed.code).toBe(1)
    const stale = [...nested, renamed!]
      .flatMap((name) => [`cleaned/${name}`, `diffs/${name}.diff`])
      .filter((path) => before.includes(path))
      .sort()
    expect(stale.length).toBeGreaterThanOrEqual(4)
    expect(readReport(out).stale).toEqual({pruned: false, outputs: stale})
    expect(listed.stdout).toContain(`${stale.length} outputs in OUT have no input in this run`)
    for (const path of stale) expect(existsSync(join(out, path))).toBe(true)
    expect(existsSync(join(out, 'cleaned', `new-${renamed}`))).toBe(true)
    expect(existsSync(join(out, 'cleaned', failing!))).toBe(true)
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('data-testid="stale"')

    const pruned = await rinse(['run', input, '--out', out, '--workers', '1', '--diffs', '--prune'])
    expect(pruned.code).toBe(1)
    expect(pruned.stdout).toContain(`pruned ${stale.length} outputs whose input is gone`)
    expect(readReport(out).stale).toEqual({pruned: true, outputs: stale})
    for (const path of stale) expect(existsSync(join(out, path))).toBe(false)
    // The emptied sub-folders go; the output roots and every other output stay.
    expect(existsSync(join(out, 'cleaned', folder))).toBe(false)
    expect(existsSync(join(out, 'diffs', folder))).toBe(false)
    expect(existsSync(join(out, 'cleaned'))).toBe(true)
    expect(existsSync(join(out, 'cleaned', failing!))).toBe(true)
    expect(listFiles(join(out, 'cleaned'))).toHaveLength(listFiles(input).length)
    // The input is only read.
    expect(listFiles(input)).toContain(`new-${renamed}`)

    const again = await rinse(['run', input, '--out', out, '--workers', '1', '--diffs'])
    expect(readReport(out).stale).toBeUndefined()
    expect(again.stdout).not.toContain('no input in this run')
  })
})

describe('outputs of a JSONL file that is gone', () => {
  it('are listed, and pruned with the records of the files that remain kept', async () => {
    const work = tempDir()
    const input = join(work, 'dumps')
    const out = join(work, 'out')
    mkdirSync(input)
    const record = (id: string): string => `${JSON.stringify({id, text: 'The vote passed.The mayor left.\n\nLeave a Reply\n'})}\n`
    writeFileSync(join(input, 'monday.jsonl'), record('m1'))
    writeFileSync(join(input, 'tuesday.jsonl'), record('t1'))
    const run = (...extra: string[]): ReturnType<typeof rinse> => rinse(['run', input, '--out', out, '--format', 'jsonl', ...extra])
    expect((await run()).code).toBe(0)
    renameSync(join(input, 'monday.jsonl'), join(work, 'monday.jsonl'))
    expect((await run()).code).toBe(0)
    expect(readReport(out).stale).toEqual({pruned: false, outputs: ['cleaned/monday.jsonl']})
    expect((await run('--prune')).code).toBe(0)
    expect(listFiles(join(out, 'cleaned'))).toEqual(['tuesday.jsonl'])
    expect(readFileSync(join(out, 'cleaned', 'tuesday.jsonl'), 'utf8')).toContain('"id":"t1"')
  })
})

describe('findStaleOutputs', () => {
  it('matches diffs to their input by the .diff suffix and duplicates to the documents written as duplicates', async () => {
    const out = tempDir()
    const files = [
      'cleaned/a.txt',
      'cleaned/deep/gone.txt',
      'diffs/a.txt.diff',
      'diffs/deep/gone.txt.diff',
      'diffs/stray.txt',
      'duplicates/a.txt',
      'duplicates/copy.txt'
    ]
    for (const path of files) {
      mkdirSync(join(out, path, '..'), {recursive: true})
      writeFileSync(join(out, path), 'x')
    }
    const expected = {inputs: new Set(['a.txt', 'copy.txt']), duplicates: new Set(['copy.txt'])}
    const stale = await findStaleOutputs(out, expected)
    expect(stale).toEqual(['cleaned/deep/gone.txt', 'diffs/deep/gone.txt.diff', 'diffs/stray.txt', 'duplicates/a.txt'])
    await pruneOutputs(out, stale)
    expect(listFiles(out)).toEqual(['cleaned/a.txt', 'diffs/a.txt.diff', 'duplicates/copy.txt'])
    expect(existsSync(join(out, 'cleaned', 'deep'))).toBe(false)
    expect(await findStaleOutputs(out, expected)).toEqual([])
    // No output folders at all (a first run): nothing is stale.
    expect(await findStaleOutputs(tempDir(), expected)).toEqual([])
  })
})

describe('temp files of a run killed while writing its report', () => {
  it('are removed by the next run, and nothing else is', async () => {
    const {input, out} = sampleCopy()
    expect((await rinse(['run', input, '--out', out, '--workers', '1', '--diffs'])).code).toBe(0)
    const leftovers = [
      '.rinse-4242.0.deadbeef.2.tmp',
      'report.json.4242.0.deadbeef.0.tmp',
      'report.html.4242.1.0badf00d.1a.tmp',
      '.report.json.4242.deadbeef.tmp'
    ]
    for (const name of leftovers) writeFileSync(join(out, name), 'half a report')
    writeFileSync(join(out, 'report.json.notes.tmp'), 'a file of the user')
    expect((await rinse(['run', input, '--out', out, '--workers', '1', '--diffs'])).code).toBe(0)
    for (const name of leftovers) expect(existsSync(join(out, name)), name).toBe(false)
    expect(readFileSync(join(out, 'report.json.notes.tmp'), 'utf8')).toBe('a file of the user')
    expect(readReport(out).documents.length).toBeGreaterThan(0)
  })
})
