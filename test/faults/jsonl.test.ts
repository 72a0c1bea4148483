/** JSONL runs when writes fail (see preload.mjs): the same stop, cleanup and resume as folder runs. */
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {readReport, rinse, tempDir} from '../helpers.js'
import {jsonlFolder, leftovers, outputs, presentOutputsMatch, rinseWithFault, stopsThenResumes} from './faults.js'

let input: string
let straight: string
const JSONL = ['--format', 'jsonl', '--id-field', 'id']

beforeAll(async () => {
  const work = tempDir('rinse-faults-')
  input = jsonlFolder(join(work, 'in'))
  straight = join(work, 'straight')
  const clean = await rinse(['run', input, '--out', straight, ...JSONL, '-q'])
  expect(clean.code, clean.stderr).toBe(0)
})

describe('JSONL runs', () => {
  it('a full disk while writing the second file: exit 74 naming it, the first kept, no temp file, a re-run completes', async () => {
    const {out, stderr, present} = await stopsThenResumes(
      input,
      straight,
      {code: 'ENOSPC', path: '/cleaned/b\\.jsonl\\.\\d+\\.tmp$'},
      JSONL
    )
    expect(stderr).toBe(
      `rinse: cannot write ${out}/cleaned/b.jsonl: no space left on device (ENOSPC); stopped: free some space and run the same command again: finished files are kept and the run continues from there\n`
    )
    expect(present).toBe(1)
  })

  it('a full disk while writing the manifest stops the run; a re-run completes', async () => {
    const {out, stderr} = await stopsThenResumes(input, straight, {code: 'ENOSPC', path: 'manifest\\.jsonl$', skip: 1}, JSONL)
    expect(stderr).toMatch(new RegExp(`^rinse: cannot write ${out}/\\.rinse/manifest\\.jsonl: no space left on device \\(ENOSPC\\)`))
  })

  it('out of file descriptors for good while opening an input stops the run naming it (exit 74); a re-run completes', async () => {
    // a.jsonl is collected and cleaned; b.jsonl cannot be opened.
    const {stderr} = await stopsThenResumes(input, straight, {code: 'EMFILE', path: '/in/b\\.jsonl$'}, JSONL)
    expect(stderr).toBe(
      `rinse: cannot read ${input}/b.jsonl: too many open files (EMFILE); stopped: raise the open-file limit (ulimit -n) or lower --concurrency, and run the same command again: finished files are kept and the run continues from there\n`
    )
  })

  it('permission denied on one output fails that file alone (exit 1)', async () => {
    const out = join(tempDir('rinse-faults-'), 'out')
    const faulty = await rinseWithFault(['run', input, '--out', out, ...JSONL, '-q'], {
      code: 'EACCES',
      path: '/cleaned/b\\.jsonl\\.\\d+\\.tmp$'
    })
    expect(faulty.code, faulty.stderr).toBe(1)
    expect(readReport(out).failures).toEqual([{path: 'b.jsonl', error: `cannot write ${out}/cleaned/b.jsonl: permission denied (EACCES)`}])
    expect(Object.keys(outputs(out)).sort()).toEqual(['cleaned/a.jsonl', 'cleaned/c.jsonl'])
    expect(presentOutputsMatch(out, straight).differing).toEqual([])
    expect(leftovers(out)).toEqual([])
  })
})
