/**
 * Which distributed run an OUT folder belongs to, kept in OUT/.rinse while the run
 * is unfinished: a coordinator that crashes or is stopped leaves its run's state in
 * Redis (signatures, indexes, finished documents) and its jobs on the queue, and
 * the same command run again finds them through this file and continues.
 */
import {readFile, rm} from 'node:fs/promises'
import {join} from 'node:path'
import {writeFileAtomicSync} from '../io/atomic-write.js'
import {VERSION} from '../version.js'

export interface QueueRunState {
  /** The run's id: its keys in Redis and its jobs on the queue carry it. */
  run: string
  /** The Redis it lives in. */
  queue: string
  /** The batch key (paths, sizes, mtimes) it was started for. */
  batch: string
  /** A hash of the run's settings (input, OUT, pipeline, duplicates, diffs). */
  settings: string
  /** The rinse version that started it: another version may clean differently. */
  rinse: string
}

export function runStatePath(out: string): string {
  return join(out, '.rinse', 'queue-run.json')
}

/** The recorded run, if any (a missing or damaged file is no run). */
export async function readRunState(out: string): Promise<QueueRunState | undefined> {
  try {
    const state = JSON.parse(await readFile(runStatePath(out), 'utf8')) as QueueRunState
    return typeof state?.run === 'string' && typeof state.queue === 'string' ? state : undefined
  } catch {
    return undefined
  }
}

export function writeRunState(out: string, state: Omit<QueueRunState, 'rinse'>): QueueRunState {
  const full = {...state, rinse: VERSION}
  writeFileAtomicSync(runStatePath(out), JSON.stringify(full) + '\n')
  return full
}

export async function removeRunState(out: string): Promise<void> {
  await rm(runStatePath(out), {force: true})
}

/** Whether a recorded run can be continued by a run of this batch, pipeline and queue. */
export function continues(state: QueueRunState | undefined, wanted: Omit<QueueRunState, 'run' | 'rinse'>): state is QueueRunState {
  return (
    state !== undefined &&
    state.queue === wanted.queue &&
    state.batch === wanted.batch &&
    state.settings === wanted.settings &&
    state.rinse === VERSION
  )
}
