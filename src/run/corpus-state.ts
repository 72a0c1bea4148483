/**
 * The corpus indexes of a run, saved in OUT once built, so that a run stopped
 * in its cleaning pass (Ctrl-C, a crash) resumes without reading the whole
 * batch again: the saved indexes are used only for the same batch (file list,
 * sizes, mtimes; or the same files with the same bytes, see run-batch.ts) and
 * the same pipeline.
 */
import {readFile} from 'node:fs/promises'
import {deserialize, serialize} from 'node:v8'
import {writeFileAtomicSync} from '../io/atomic-write.js'
import {VERSION} from '../version.js'
import type {ConfiguredStage} from '../engine/stage.js'

export interface SavedCorpus {
  version: 1
  /** The rinse version that built them: another version may index differently. */
  rinse: string
  /** The batch key and pipeline hash the indexes were built for. */
  batch: string
  /** The key of the batch's list of paths alone (see run-batch.ts). */
  paths?: string
  pipeline: string
  /** `fingerprintCorpus` of the built indexes: what finished files were cleaned with. */
  fingerprint: string
  /** `corpusSnapshots` of the built stages. */
  snapshots: Array<[stageIndex: number, snapshot: unknown]>
}

export function saveCorpus(file: string, state: Omit<SavedCorpus, 'version' | 'rinse'>): void {
  writeFileAtomicSync(file, serialize({version: 1, rinse: VERSION, ...state} satisfies SavedCorpus))
}

/**
 * The saved indexes if they were built for this batch (its key, or a key `batch`
 * accepts) and pipeline; undefined if missing, stale or unreadable.
 */
export async function loadCorpus(
  file: string,
  batch: string | ((saved: SavedCorpus) => boolean),
  pipeline: string
): Promise<SavedCorpus | undefined> {
  let saved: SavedCorpus
  try {
    saved = deserialize(await readFile(file)) as SavedCorpus
  } catch {
    return undefined
  }
  if (saved?.version !== 1 || saved.rinse !== VERSION || saved.pipeline !== pipeline) return undefined
  return (typeof batch === 'string' ? saved.batch === batch : batch(saved)) ? saved : undefined
}

/** Give each corpus stage its index from snapshots (made by `corpusSnapshots`). */
export function restoreCorpus(stages: readonly ConfiguredStage[], snapshots: ReadonlyArray<[number, unknown]>): void {
  for (const [index, snapshot] of snapshots) stages[index]!.corpus!.restore(snapshot)
}

/** `restoreCorpus`, false when the snapshots do not fit (a damaged file): the batch is then collected again. */
export function tryRestore(stages: readonly ConfiguredStage[], snapshots: ReadonlyArray<[number, unknown]>): boolean {
  try {
    restoreCorpus(stages, snapshots)
    return true
  } catch {
    return false
  }
}
