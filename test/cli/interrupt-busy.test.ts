/** Ctrl-C while a worker thread is busy on a file: the main thread still hears it. */
import {spawn} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'
import {describe, expect, it} from 'vitest'
import {CLI, fileHashes, readReport, rinse, tempDir} from '../helpers.js'

const MARKER = 'RINSE-TEST-HANG-7f3a'
const MINIMAL = join(import.meta.dirname, '..', '..', 'pipelines', 'minimal.yaml')

describe('Ctrl-C with a worker blocked on a file', () => {
  it('a second Ctrl-C exits 130 at once, what was finished stays intact, and a re-run completes', {timeout: 120_000}, async () => {
    const work = tempDir()
    const input = join(work, 'in')
    mkdirSync(input)
    // Ten files, then one that blocks its thread (last in order): with one worker, the
    // first eight go in one batch and are recorded before the thread blocks.
    const names = [...'abcdefghij'].map((letter) => `${letter}.txt`)
    for (const name of names) writeFileSync(join(input, name), `Heading ${name}\n\nSome  body text for ${name} .\n`)
    writeFileSync(join(input, 'zz-stuck.txt'), `Title\n\n${MARKER}\n`)
    const out = join(work, 'out')
    // No corpus stage (the cleaning pass runs every rule) and a budget far beyond the test's.
    const args = ['run', input, '--out', out, '--pipeline', MINIMAL, '--file-timeout', '600', '--no-html']
    const child = spawn(process.execPath, [CLI, ...args], {env: {...process.env, RINSE_TEST_HANG: MARKER}})
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    // The files of the blocked file's batch are written before it blocks.
    while (!existsSync(join(out, 'cleaned', 'j.txt'))) await sleep(50)
    await sleep(300)
    child.kill('SIGINT')
    while (!stderr.includes('Ctrl-C again to quit at once')) await sleep(50)
    child.kill('SIGINT')
    expect(await exited).toBe(130)

    // A straight run of the same files, without the blocking one.
    const straightInput = join(work, 'straight-in')
    mkdirSync(straightInput)
    for (const name of names) writeFileSync(join(straightInput, name), readFileSync(join(input, name)))
    const straightOut = join(work, 'straight')
    expect((await rinse(['run', straightInput, '--out', straightOut, '--pipeline', MINIMAL, '--no-html'])).code).toBe(0)
    const straight = fileHashes(join(straightOut, 'cleaned'))
    const stopped = fileHashes(join(out, 'cleaned'))
    for (const name of names) expect(stopped[name]).toBe(straight[name])

    // The blocking file is fine now (the hook is off): the re-run finishes the batch.
    const again = await rinse(args)
    expect(again.code).toBe(0)
    expect(readReport(out).failures).toEqual([])
    expect(readReport(out).documents.map((document) => document.path)).toEqual([...names, 'zz-stuck.txt'])
    expect(fileHashes(join(out, 'cleaned'))).toEqual({...straight, 'zz-stuck.txt': fileHashes(join(out, 'cleaned'))['zz-stuck.txt']})
    expect(readReport(out).totals.skipped).toBeGreaterThanOrEqual(8)
  })
})
