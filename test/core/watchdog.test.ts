import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {createPipeline} from '../../src/core/pipeline.js'
import {poolCleaner} from '../../src/core/pool.js'
import {readReport, rinse} from '../helpers.js'

// The test-only marker in src/core/clean-file.ts blocks a thread on a file holding it.
const MARKER = 'RINSE-TEST-HANG-7f3a'

/** A report entry without its timing (the entry's JSON is itself a string inside it). */
const withoutMs = (result: unknown): unknown =>
  JSON.parse(JSON.stringify(result), (key, value: unknown) =>
    key === 'ms' ? undefined : key === 'json' && typeof value === 'string' ? withoutMs(JSON.parse(value)) : value
  )

describe('per-file watchdog in the worker pool', () => {
  let input: string
  beforeAll(() => {
    process.env.RINSE_TEST_HANG = MARKER
    input = mkdtempSync(join(tmpdir(), 'rinse-watchdog-'))
    for (const name of ['a', 'b', 'c', 'd'])
      writeFileSync(join(input, `${name}.txt`), `Heading ${name}\n\nSome body text for ${name}.  Two  spaces.\n`)
    writeFileSync(join(input, 'stuck.txt'), `Title\n\n${MARKER}\n`)
  })
  afterAll(() => {
    delete process.env.RINSE_TEST_HANG
  })

  const cleanAll = async (names: string[]): Promise<{out: string; results: unknown[]}> => {
    const out = mkdtempSync(join(tmpdir(), 'rinse-watchdog-out-'))
    const cleaner = poolCleaner(createPipeline(), 2, names.length, 64, 2000)
    try {
      const results = await Promise.all(
        names.map((name) =>
          cleaner.cleanFile({file: {path: join(input, name), relative: name}, out, manifest: undefined as never}).then(
            (value) => value,
            (error: Error) => ({failed: error.message})
          )
        )
      )
      return {out, results}
    } finally {
      await cleaner.close()
    }
  }

  it('fails the file over budget and cleans the rest of its batch as without it', async () => {
    const names = ['a.txt', 'b.txt', 'stuck.txt', 'c.txt', 'd.txt']
    const {out, results} = await cleanAll(names)
    expect(results[2]).toEqual({failed: 'stopped after 2 s; the file is left out (raise --file-timeout or report the input)'})
    const alone = await cleanAll(['a.txt', 'b.txt', 'c.txt', 'd.txt'])
    for (const [k, name] of ['a.txt', 'b.txt', 'c.txt', 'd.txt'].entries()) {
      expect(withoutMs(results[k < 2 ? k : k + 1])).toEqual(withoutMs(alone.results[k]))
      expect(readFileSync(join(out, 'cleaned', name), 'utf8')).toBe(readFileSync(join(alone.out, 'cleaned', name), 'utf8'))
    }
  }, 30_000)
})

describe('rinse run --file-timeout', () => {
  it('lists a file that outlasts its budget as failed, cleans the others and exits 1', {timeout: 120_000}, async () => {
    const work = mkdtempSync(join(tmpdir(), 'rinse-watchdog-cli-'))
    const input = join(work, 'in')
    mkdirSync(input)
    for (const name of ['a', 'b', 'c']) writeFileSync(join(input, `${name}.txt`), `Heading ${name}\n\nSome body text for ${name}.\n`)
    writeFileSync(join(input, 'stuck.txt'), `Title\n\n${MARKER}\n`)
    process.env.RINSE_TEST_HANG = MARKER
    const result = await rinse(['run', input, '--out', join(work, 'out'), '--workers', '2', '--file-timeout', '2']).finally(() => {
      delete process.env.RINSE_TEST_HANG
    })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('stuck.txt: stopped after 2 s; the file is left out (raise --file-timeout or report the input)')
    const report = readReport(join(work, 'out'))
    expect(report.failures.map((failure) => failure.path)).toEqual(['stuck.txt'])
    for (const name of ['a', 'b', 'c'])
      expect(readFileSync(join(work, 'out', 'cleaned', `${name}.txt`), 'utf8')).toBe(`Heading ${name}\n\nSome body text for ${name}.\n`)
    expect((await rinse(['run', input, '--out', join(work, 'out'), '--file-timeout', 'soon'])).stderr).toContain(
      'expected a number of seconds'
    )
  })
})
