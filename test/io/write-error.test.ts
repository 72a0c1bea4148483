/** Which write failures stop a run, and how they are named. */
import {describe, expect, it} from 'vitest'
import {readStop, stopsRun, writeError} from '../../src/io/write-error.js'
import {WriteError} from '../../src/errors.js'

const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: write`), {code, syscall: 'write'})

describe('writeError', () => {
  it('stops the run for a full disk, a quota, a read-only file system, no file descriptors', () => {
    for (const code of ['ENOSPC', 'EDQUOT', 'EROFS', 'EMFILE', 'ENFILE', 'EIO'])
      expect(stopsRun(writeError('/out/a.txt', errno(code))), code).toBe(true)
  })

  it('fails only the file for a permission problem, unless the path is every file’s', () => {
    expect(stopsRun(writeError('/out/cleaned/a.txt', errno('EACCES')))).toBe(false)
    expect(stopsRun(writeError('/out/.rinse/manifest.jsonl', errno('EACCES'), true))).toBe(true)
  })

  it('names the path and the problem in words, with the code', () => {
    const error = writeError('/out/cleaned/a.txt', errno('ENOSPC')) as WriteError
    expect(error.message).toBe('cannot write /out/cleaned/a.txt: no space left on device (ENOSPC)')
    expect(error.advice).toMatch(/^free some space and run the same command again/)
    // Across a worker thread as plain data, and back.
    expect(new WriteError(structuredClone(error.toJSON())).message).toBe(error.message)
  })

  it('keeps an error without a system code (a bug, not the disk) as it is', () => {
    const bug = new TypeError('x is undefined')
    expect(writeError('/out/a.txt', bug)).toBe(bug)
  })
})

describe('readStop', () => {
  it('stops the run when an input cannot be opened for want of file descriptors, naming the input', () => {
    const error = readStop('/in/a.txt', errno('EMFILE'))!
    expect(stopsRun(error)).toBe(true)
    expect(error.message).toBe('cannot read /in/a.txt: too many open files (EMFILE)')
    expect(error.advice).toMatch(/^raise the open-file limit/)
    expect(new WriteError(structuredClone(error.toJSON())).message).toBe(error.message)
  })

  it('leaves the file’s own problems to fail that file', () => {
    for (const code of ['ENOENT', 'EACCES', 'EIO', 'EISDIR']) expect(readStop('/in/a.txt', errno(code)), code).toBeUndefined()
  })
})
