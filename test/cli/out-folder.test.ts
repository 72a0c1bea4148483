import {mkdirSync, readdirSync, symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {listFiles, rinse, tempDir} from '../helpers.js'

const TEXT = 'A paragraph of text that rinse may clean.\n\nShare this\n'
const OTHER = 'Another paragraph, unlike the first, so that dedup keeps both.\n'

describe('rinse run: where OUT may be', () => {
  let work: string
  let input: string

  beforeAll(() => {
    work = tempDir()
    input = join(work, 'in')
    mkdirSync(join(input, 'sub'), {recursive: true})
    writeFileSync(join(input, 'a.txt'), TEXT)
    writeFileSync(join(input, 'sub', 'b.txt'), OTHER)
  })

  /** The input holds its two files and nothing else, hidden files included. */
  const inputUntouched = (): void => {
    expect(listFiles(input)).toEqual(['a.txt', join('sub', 'b.txt')])
    expect(readdirSync(input).sort()).toEqual(['a.txt', 'sub'])
    expect(readdirSync(join(input, 'sub'))).toEqual(['b.txt'])
  }

  it('refuses an OUT that is a file (exit 2, one line, no stack trace)', async () => {
    const file = join(work, 'somefile')
    writeFileSync(file, 'not a folder\n')
    const result = await rinse(['run', input, '--out', file])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(`rinse: --out is a file, not a folder: ${file}\n`)
    const under = await rinse(['run', input, '--out', join(file, 'x')])
    expect(under.code).toBe(2)
    expect(under.stderr).toBe(`rinse: --out ${join(file, 'x')} lies under a file: ${file}\n`)
  })

  it('refuses an OUT that is a symbolic link to a folder inside the input, naming both paths', async () => {
    const link = join(work, 'outlink')
    symlinkSync(join(input, 'sub'), link)
    const result = await rinse(['run', input, '--out', link])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--out must not be inside the input folder')
    expect(result.stderr).toContain(link)
    expect(result.stderr).toContain(join(input, 'sub'))
    // A new folder under the link is inside the input too.
    const below = await rinse(['run', input, '--out', join(link, 'new', 'out')])
    expect(below.code).toBe(2)
    inputUntouched()
  })

  it('refuses an OUT inside the input reached through a symbolic link to the input', async () => {
    const link = join(work, 'inlink')
    symlinkSync(input, link)
    const out = join(input, 'o2')
    const result = await rinse(['run', link, '--out', out])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--out must not be inside the input folder')
    expect(result.stderr).toContain(`input ${link} is ${input}`)
    // Through a link the other way: OUT holds the input.
    const holder = join(work, 'holder')
    mkdirSync(holder)
    symlinkSync(input, join(holder, 'in'))
    const holds = await rinse(['run', join(holder, 'in'), '--out', work])
    expect(holds.code).toBe(2)
    expect(holds.stderr).toContain('--out must not contain the input folder')
    inputUntouched()
  })

  it('takes a folder named `..something` inside the input as inside it', async () => {
    const result = await rinse(['run', input, '--out', join(input, '..out')])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--out must not be inside the input folder')
    inputUntouched()
  })

  it('still runs into a symbolic link to a folder outside the input', async () => {
    const target = join(work, 'target')
    mkdirSync(target)
    const link = join(work, 'goodlink')
    symlinkSync(target, link)
    const result = await rinse(['run', input, '--out', link, '-q'])
    expect(result.code).toBe(0)
    expect(listFiles(join(target, 'cleaned'))).toEqual(['a.txt', join('sub', 'b.txt')])
    inputUntouched()
  })
})
