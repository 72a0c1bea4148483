/**
 * One run at a time in an OUT. Two runs into one OUT (a cron job that overlaps
 * the last one, a command started twice) would interleave their manifest lines
 * and overwrite each other's report, so a run holds `OUT/.rinse/lock` while it
 * goes. A lock whose process is gone (killed, the machine restarted) is taken over.
 */
import {hostname} from 'node:os'
import {mkdir, readFile, rm, writeFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import {OutputInUse} from '../errors.js'
import {writeError, writingTo} from './write-error.js'

interface LockOwner {
  pid: number
  host: string
  since: string
}

/** Take OUT's lock, or fail naming the run that holds it; the function returned releases it. */
export async function lockOut(out: string): Promise<() => Promise<void>> {
  const file = join(out, '.rinse', 'lock')
  await writingTo(file, () => mkdir(dirname(file), {recursive: true}))
  const owner: LockOwner = {pid: process.pid, host: hostname(), since: new Date().toISOString()}
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(file, JSON.stringify(owner) + '\n', {flag: 'wx'})
      return async () => {
        await rm(file, {force: true})
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw writeError(file, error)
      const holder = await readOwner(file)
      // Gone since it was read: try again. Left by a process that no longer runs on this machine: taken over.
      if (attempt < 2 && (!holder || (holder.host === owner.host && !isRunning(holder.pid)))) {
        await rm(file, {force: true})
        continue
      }
      throw new OutputInUse(
        holder
          ? `${out} is in use by another rinse run (pid ${holder.pid} on ${holder.host}, since ${holder.since}); wait for it to finish, or remove ${file} if no run is going`
          : `${out} is in use by another rinse run (${file}); wait for it to finish, or remove the file if no run is going`
      )
    }
  }
}

async function readOwner(file: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(file, 'utf8')) as Partial<LockOwner>
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? (owner as LockOwner) : undefined
  } catch {
    return undefined
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
