import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {hostname} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {lockOut} from '../../src/io/out-lock.js'
import {OutputInUse} from '../../src/errors.js'
import {fileHashes, rinse, sampleCopy, tempDir} from '../helpers.js'

/** The pid of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!
}

function writeLock(out: string, pid: number, host = hostname()): string {
  const file = join(out, '.rinse', 'lock')
  mkdirSync(join(out, '.rinse'), {recursive: true})
  writeFileSync(file, JSON.stringify({pid, host, since: '2026-12-07T10:00:00.000Z'}) + '\n')
  return file
}

describe('the lock on OUT', () => {
  it('lets one run hold OUT at a time, and is free again once released', async () => {
    const out = join(tempDir(), 'out')
    const release = await lockOut(out)
    const file = join(out, '.rinse', 'lock')
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({pid: process.pid, host: hostname()})
    await expect(lockOut(out)).rejects.toThrow(OutputInUse)
    await expect(lockOut(out)).rejects.toThrow(`(pid ${process.pid} on ${hostname()}, since `)
    await release()
    expect(existsSync(file)).toBe(false)
    await (
      await lockOut(out)
    )()
  })

  it('takes over a lock left by a process that has ended, but not one held on another machine', async () => {
    const out = join(tempDir(), 'out')
    writeLock(out, deadPid())
    const release = await lockOut(out)
    expect(JSON.parse(readFileSync(join(out, '.rinse', 'lock'), 'utf8')).pid).toBe(process.pid)
    await release()
    writeLock(out, deadPid(), 'another-host.example')
    await expect(lockOut(out)).rejects.toThrow('on another-host.example')
  })

  it('refuses a run into an OUT another run holds (exit 75), writing nothing and reading no input', async () => {
    const {input, out} = sampleCopy()
    const before = fileHashes(input)
    writeLock(out, process.pid)
    const result = await rinse(['run', input, '--out', out])
    expect(result.code).toBe(75)
    expect(result.stderr).toMatch(new RegExp(`^rinse: ${out} is in use by another rinse run \\(pid ${process.pid} on `))
    expect(existsSync(join(out, 'cleaned'))).toBe(false)
    expect(existsSync(join(out, 'report.json'))).toBe(false)
    expect(fileHashes(input)).toEqual(before)
  })
})
