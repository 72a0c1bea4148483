/**
 * Folder runs when writes fail (a shim in node:fs, preload.mjs): a full disk stops
 * the run with one line and exit 74, what was written stays as it was, no temp
 * file is left, and a re-run gives what an uninterrupted run gives.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {readReport, rinse, tempDir} from '../helpers.js'
import {
  comparableReport,
  leftovers,
  outputs,
  presentOutputsMatch,
  rinseWithFault,
  stopsThenResumes as stopsAndResumes,
  textFolder,
  type Fault
} from './faults.js'

let input: string
let straight: string

beforeAll(async () => {
  const work = tempDir('rinse-faults-')
  input = textFolder(join(work, 'in'))
  straight = join(work, 'straight')
  const clean = await rinse(['run', input, '--out', straight, '--diffs', '-q'])
  expect(clean.code).toBe(0)
})

/** A run of the text folder that meets `fault` and stops; then a re-run without it (see faults.ts). */
const stopsThenResumes = (fault: Fault, extra: string[] = []): ReturnType<typeof stopsAndResumes> =>
  stopsAndResumes(input, straight, fault, ['--diffs', ...extra])

const ADVICE = 'free some space and run the same command again: finished files are kept and the run continues from there'

describe('a full disk (ENOSPC)', () => {
  it('while writing cleaned files: names the file, keeps those written, and a re-run completes', async () => {
    // The disk fills after 10 writes through the temp folder (about half the batch).
    const {out, stderr} = await stopsThenResumes({code: 'ENOSPC', path: '/\\.rinse/tmp/', skip: 10})
    expect(stderr).toMatch(
      new RegExp(`^rinse: cannot write ${out}/(?:cleaned|diffs)/\\S+: no space left on device \\(ENOSPC\\); stopped: `)
    )
    expect(stderr).toContain(ADVICE)
  })

  it('with two worker threads, which pass the path and code back', async () => {
    const {out, stderr} = await stopsThenResumes({code: 'ENOSPC', path: '/\\.rinse/tmp/', skip: 4}, ['--workers', '2'])
    expect(stderr).toMatch(new RegExp(`^rinse: cannot write ${out}/(?:cleaned|diffs)/\\S+: no space left on device \\(ENOSPC\\)`))
  })

  it('while writing report.json: every file finished, no report and no temp file left', async () => {
    const {out, stderr} = await stopsThenResumes({code: 'ENOSPC', path: 'report\\.json\\.[^/]*\\.tmp$'})
    expect(stderr).toMatch(new RegExp(`^rinse: cannot write ${out}/report\\.json: no space left on device \\(ENOSPC\\)`))
  })

  it('while appending to the manifest', async () => {
    const {out, stderr} = await stopsThenResumes({code: 'ENOSPC', path: 'manifest\\.jsonl$', skip: 1})
    expect(stderr).toMatch(new RegExp(`^rinse: cannot write ${out}/\\.rinse/manifest\\.jsonl: no space left on device \\(ENOSPC\\)`))
  })

  it('while spooling the corpus traces: the spool is removed', async () => {
    const {out, stderr} = await stopsThenResumes({code: 'ENOSPC', path: 'traces\\.jsonl$'})
    expect(stderr).toMatch(new RegExp(`^rinse: cannot write ${out}/\\.rinse/traces\\.jsonl: no space left on device \\(ENOSPC\\)`))
  })

  it('keeps the report of an earlier run byte for byte when the new one cannot be written', async () => {
    const out = join(tempDir('rinse-faults-'), 'out')
    expect((await rinse(['run', input, '--out', out, '--diffs', '-q'])).code).toBe(0)
    const before = readFileSync(join(out, 'report.json'))
    const faulty = await rinseWithFault(['run', input, '--out', out, '--force', '--diffs'], {
      code: 'ENOSPC',
      path: 'report\\.json\\.[^/]*\\.tmp$'
    })
    expect(faulty.code).toBe(74)
    expect(readFileSync(join(out, 'report.json'))).toEqual(before)
    expect(outputs(out)).toEqual(outputs(straight))
    expect(leftovers(out)).toEqual([])
  })
})

describe('permission denied (EACCES)', () => {
  it('on one output folder fails its files (exit 1, each named), the others are written, and a re-run completes', async () => {
    const out = join(tempDir('rinse-faults-'), 'out')
    const faulty = await rinseWithFault(['run', input, '--out', out, '--diffs', '-q'], {code: 'EACCES', path: '/cleaned/sub/'})
    expect(faulty.code, faulty.stderr).toBe(1)
    const failed = readReport(out).failures
    expect(failed.map((failure) => failure.path)).toEqual(['sub/story-00.txt', 'sub/story-03.txt', 'sub/story-06.txt', 'sub/story-09.txt'])
    for (const failure of failed) {
      expect(failure.error).toBe(`cannot write ${join(out, 'cleaned', failure.path)}: permission denied (EACCES)`)
      expect(faulty.stderr).toContain(
        `rinse: ${failure.path}: cannot write ${join(out, 'cleaned', failure.path)}: permission denied (EACCES)\n`
      )
    }
    const {present, differing} = presentOutputsMatch(out, straight)
    expect(differing).toEqual([])
    expect(present).toBeGreaterThan(8)
    expect(leftovers(out)).toEqual([])

    const again = await rinse(['run', input, '--out', out, '--diffs', '-q'])
    expect(again.code, again.stderr).toBe(0)
    expect(outputs(out)).toEqual(outputs(straight))
    expect(comparableReport(out)).toEqual(comparableReport(straight))
  })

  it('on the temp folder every output goes through stops the run, naming that folder', async () => {
    const {out, stderr} = await stopsThenResumes({code: 'EACCES', path: '/\\.rinse/tmp/\\d+/'})
    expect(stderr).toMatch(
      new RegExp(`^rinse: cannot write ${out}/\\.rinse/tmp/\\d+: permission denied \\(EACCES\\); stopped: make OUT writable`)
    )
  })
})

describe('out of file descriptors (EMFILE)', () => {
  it('for a moment: the write is tried again and the run completes as usual', async () => {
    const out = join(tempDir('rinse-faults-'), 'out')
    const faulty = await rinseWithFault(['run', input, '--out', out, '--diffs', '-q'], {
      code: 'EMFILE',
      path: '/\\.rinse/tmp/',
      skip: 5,
      times: 3
    })
    expect(faulty.code, faulty.stderr).toBe(0)
    expect(outputs(out)).toEqual(outputs(straight))
    expect(comparableReport(out)).toEqual(comparableReport(straight))
  })

  it('for good: the run stops with what to do', async () => {
    const {stderr} = await stopsThenResumes({code: 'EMFILE', path: '/\\.rinse/tmp/', skip: 5})
    expect(stderr).toContain('too many open files (EMFILE); stopped: raise the open-file limit (ulimit -n) or lower --concurrency')
  })
})

describe('out of file descriptors while reading inputs (EMFILE)', () => {
  // Opening an input for reading, in the thread that collects and cleans it.
  const inputs = '/in/(?:sub/)?story-\\d+\\.txt$'

  it('for a moment: the read is tried again and every file is cleaned, none listed as failed', async () => {
    const out = join(tempDir('rinse-faults-'), 'out')
    const faulty = await rinseWithFault(['run', input, '--out', out, '--diffs', '-q'], {code: 'EMFILE', path: inputs, skip: 3, times: 4})
    expect(faulty.code, faulty.stderr).toBe(0)
    expect(readReport(out).failures).toEqual([])
    expect(outputs(out)).toEqual(outputs(straight))
    expect(comparableReport(out)).toEqual(comparableReport(straight))
  })

  it('for good: the run stops naming the input (exit 74), no good file is listed as bad, and a re-run completes', async () => {
    const {stderr} = await stopsThenResumes({code: 'EMFILE', path: inputs, skip: 3})
    expect(stderr).toMatch(
      new RegExp(
        `^rinse: cannot read ${input}/(?:sub/)?story-\\d+\\.txt: too many open files \\(EMFILE\\); stopped: raise the open-file limit`
      )
    )
  })

  it('for good while listing a subfolder: the run stops naming it, rather than leaving its files out', async () => {
    const {stderr} = await stopsThenResumes({code: 'EMFILE', path: '/in/sub$'})
    expect(stderr).toMatch(new RegExp(`^rinse: cannot read ${input}/sub: too many open files \\(EMFILE\\); stopped: `))
  })

  it('for good, in the cleaning pass of two worker threads (collection done)', async () => {
    // Each thread lets through its share of the collection's reads, then fails every read.
    const {stderr} = await stopsThenResumes({code: 'EMFILE', path: inputs, skip: 8}, ['--workers', '2'])
    expect(stderr).toMatch(new RegExp(`^rinse: cannot read ${input}/\\S+: too many open files \\(EMFILE\\)`))
  })
})

describe('rinse diffs on a full disk', () => {
  it('stops with one line (not a failure per document), and run again writes every diff', async () => {
    const out = join(tempDir('rinse-faults-'), 'out')
    expect((await rinse(['run', input, '--out', out, '--no-diffs', '-q'])).code).toBe(0)
    const faulty = await rinseWithFault(['diffs', out], {code: 'ENOSPC', path: '/\\.rinse/tmp/', skip: 2})
    expect(faulty.code, faulty.stderr).toBe(74)
    expect(faulty.stderr).toMatch(
      new RegExp(`^rinse: cannot write ${out}/diffs/\\S+\\.diff: no space left on device \\(ENOSPC\\); stopped: [^\\n]+\\n$`)
    )
    expect(leftovers(out)).toEqual([])
    expect(presentOutputsMatch(out, straight).differing).toEqual([])
    expect((await rinse(['diffs', out])).code).toBe(0)
    expect(outputs(out)).toEqual(outputs(straight))
  })
})
