import {mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {createPipeline} from '../../src/library/pipeline.js'
import {inProcessCleaner, LARGE_FILE_BYTES, poolCleaner} from '../../src/run/pool.js'
import {readReport, rinse} from '../helpers.js'

// The test-only hook of src/engine/watch-point.ts blocks a thread in the first rule that
// sees this marker (or, as `MARKER@stage/rule`, in that rule).
const MARKER = 'RINSE-TEST-HANG-7f3a'
const stoppedIn = (where: string): string =>
  `stopped after 2 s in ${where}; the file is left out (raise --file-timeout or report the input)`

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
    // Over the size that goes to the thread without a heap cap (one long line: quick to clean); one clean, one that hangs.
    const sentence = 'Ordinary words of prose in one very long line. '
    const large = `Title\n\n${sentence.repeat(Math.ceil(LARGE_FILE_BYTES / sentence.length) + 10)}\n`
    writeFileSync(join(input, 'large.txt'), large)
    writeFileSync(join(input, 'large-stuck.txt'), `${large}${MARKER}\n`)
  })
  afterAll(() => {
    delete process.env.RINSE_TEST_HANG
  })

  const cleanAll = async (names: string[], workers = 2, timeoutMs = 2000): Promise<{out: string; results: unknown[]}> => {
    const out = mkdtempSync(join(tmpdir(), 'rinse-watchdog-out-'))
    const pipeline = createPipeline()
    const cleaner =
      timeoutMs > 0
        ? poolCleaner(pipeline, {workers, batchFiles: names.length, inFlight: 64, fileTimeoutMs: timeoutMs})
        : inProcessCleaner(pipeline)
    try {
      const results = await Promise.all(
        names.map((name) =>
          cleaner
            .cleanFile({
              file: {path: join(input, name), relative: name},
              size: statSync(join(input, name)).size,
              out,
              dropped: undefined,
              manifest: undefined as never
            })
            .then(
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
    expect(results[2]).toEqual({failed: stoppedIn('normalize/line-endings')})
    const alone = await cleanAll(['a.txt', 'b.txt', 'c.txt', 'd.txt'])
    for (const [k, name] of ['a.txt', 'b.txt', 'c.txt', 'd.txt'].entries()) {
      expect(withoutMs(results[k < 2 ? k : k + 1])).toEqual(withoutMs(alone.results[k]))
      expect(readFileSync(join(out, 'cleaned', name), 'utf8')).toBe(readFileSync(join(alone.out, 'cleaned', name), 'utf8'))
    }
  }, 30_000)

  it('watches files over the large-file size in their own thread, cleaned as in the main thread', async () => {
    const {out, results} = await cleanAll(['large-stuck.txt', 'a.txt', 'large.txt'], 1)
    expect(results[0]).toEqual({failed: stoppedIn('normalize/line-endings')})
    // Without the watchdog the large file is cleaned in the main thread, as before.
    const main = await cleanAll(['a.txt', 'large.txt'], 1, 0)
    expect(withoutMs(results.slice(1))).toEqual(withoutMs(main.results))
    expect(readFileSync(join(out, 'cleaned', 'large.txt'), 'utf8')).toBe(readFileSync(join(main.out, 'cleaned', 'large.txt'), 'utf8'))
  }, 60_000)
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
    expect(result.stderr).toContain(`stuck.txt: ${stoppedIn('normalize/line-endings')}`)
    const report = readReport(join(work, 'out'))
    expect(report.failures.map((failure) => failure.path)).toEqual(['stuck.txt'])
    for (const name of ['a', 'b', 'c'])
      expect(readFileSync(join(work, 'out', 'cleaned', `${name}.txt`), 'utf8')).toBe(`Heading ${name}\n\nSome body text for ${name}.\n`)
    expect((await rinse(['run', input, '--out', join(work, 'out'), '--file-timeout', 'soon'])).stderr).toContain(
      'expected a number of seconds'
    )
  })

  it('watches a small batch with one worker (the default), naming the rule the file was stopped in', {timeout: 120_000}, async () => {
    const work = mkdtempSync(join(tmpdir(), 'rinse-watchdog-one-'))
    const input = join(work, 'in')
    mkdirSync(input)
    for (const name of ['a', 'b', 'c']) writeFileSync(join(input, `${name}.txt`), `Heading ${name}\n\nSome body text for ${name}.\n`)
    writeFileSync(join(input, 'stuck.txt'), `Title\n\n${MARKER}\n`)
    process.env.RINSE_TEST_HANG = `${MARKER}@boilerplate/photo-credit`
    const result = await rinse(['run', input, '--out', join(work, 'out'), '--file-timeout', '2']).finally(() => {
      delete process.env.RINSE_TEST_HANG
    })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`rinse: stuck.txt: ${stoppedIn('boilerplate/photo-credit')}`)
    const report = readReport(join(work, 'out'))
    expect(report.failures).toEqual([{path: 'stuck.txt', error: stoppedIn('boilerplate/photo-credit')}])
    for (const name of ['a', 'b', 'c'])
      expect(readFileSync(join(work, 'out', 'cleaned', `${name}.txt`), 'utf8')).toBe(`Heading ${name}\n\nSome body text for ${name}.\n`)
  })

  it('passes a JSONL record stopped over its budget through unchanged, listed as failed', {timeout: 120_000}, async () => {
    const work = mkdtempSync(join(tmpdir(), 'rinse-watchdog-jsonl-'))
    const records = [{text: 'First  record.'}, {text: `Stuck ${MARKER}`}, {text: 'Third  record.'}]
    writeFileSync(join(work, 'in.jsonl'), records.map((record) => JSON.stringify(record)).join('\n') + '\n')
    process.env.RINSE_TEST_HANG = MARKER
    const out = join(work, 'out')
    const result = await rinse([
      'run',
      join(work, 'in.jsonl'),
      '--out',
      out,
      '--format',
      'jsonl',
      '--workers',
      '1',
      '--file-timeout',
      '2'
    ]).finally(() => {
      delete process.env.RINSE_TEST_HANG
    })
    expect(result.code).toBe(1)
    expect(readReport(out).failures).toEqual([{path: 'in.jsonl:2', error: stoppedIn('normalize/line-endings')}])
    expect(readFileSync(join(out, 'cleaned', 'in.jsonl'), 'utf8').split('\n')).toEqual([
      JSON.stringify({text: 'First record.'}),
      JSON.stringify(records[1]),
      JSON.stringify({text: 'Third record.'}),
      ''
    ])
  })
})
