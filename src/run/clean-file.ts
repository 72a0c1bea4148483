/**
 * Clean one input file into OUT, in a worker thread or in process: the cleaned
 * file (or, for a dropped duplicate, nothing or OUT/duplicates/), its unified
 * diff, and its report entry, serialized where it was made. Every write is
 * atomic, so a crash or a killed worker never leaves half a file, and doing a
 * file twice gives the same bytes.
 */
import {rmSync} from 'node:fs'
import {writeFileAtomicSync} from '../io/atomic-write.js'
import {cleanedPath, diffPath, duplicatePath, tempFolder} from '../io/out-paths.js'
import {contentHash} from '../io/content-hash.js'
import {manifestLine, type ManifestLine, type ManifestMeta} from './manifest.js'
import {readDocumentSync} from '../io/read-document.js'
import type {InputFile} from '../io/walk.js'
import {compactEntry, diffEdits, documentEdits, NOT_CLEANED, reportEntry} from '../report/compact.js'
import {serializeEntry, type SerializedDocument} from '../report/summarize.js'
import {unifiedDiff} from '../report/unified-diff.js'
import type {DropDecision} from '../engine/stage.js'
import {cleanReplaying, type Pipeline} from '../library/pipeline.js'
import {readTrace, type TraceRef} from './trace-spool.js'
import {InputError} from '../errors.js'
import {documentSite} from '../io/site.js'

export interface CleanFileTask {
  file: InputFile
  /** The file's size, when known: a worker pool cleans very large files in the main thread. */
  size?: number | undefined
  out: string
  /** Duplicates dropped by a corpus stage: not written, or written to OUT/duplicates/. */
  duplicates?: 'skip' | 'write' | undefined
  /**
   * Whether a corpus stage drops the file (`dropDecision`), decided where the whole
   * index is: a worker thread restores only what cleaning asks (see `SnapshotScope`).
   */
  dropped: DropDecision | undefined
  /** Write the unified diff (default true); without, a diff left by an earlier run is removed. */
  diffs?: boolean | undefined
  /** What corpus collection did to this file, replayed instead of run again. */
  replay?: TraceRef | undefined
  /** Return the resume manifest's line for the file (as bytes) instead of the document. */
  manifest?: ManifestMeta | undefined
}

/** The problem that kept a file from being cleaned (named for the report). */
export type Unclean = {problem: string}

/** The document, or with `task.manifest` its manifest line, or why the file could not be cleaned. */
export function cleanFile(pipeline: Pipeline, task: CleanFileTask & {manifest: ManifestMeta}): {line: ManifestLine} | Unclean
export function cleanFile(pipeline: Pipeline, task: CleanFileTask): {document: SerializedDocument} | Unclean
export function cleanFile(pipeline: Pipeline, task: CleanFileTask): {document: SerializedDocument} | {line: ManifestLine} | Unclean {
  const {file, out} = task
  const t0 = performance.now()
  let input
  try {
    input = readDocumentSync(file.path, file.relative, task.manifest !== undefined)
  } catch (error) {
    if (error instanceof InputError) return {problem: error.problem}
    throw error
  }
  const {text, bytes} = input
  const {dropped} = task
  const result =
    dropped && task.duplicates !== 'write'
      ? NOT_CLEANED
      : cleanReplaying(pipeline, text, file.relative, task.replay && readTrace(task.replay))
  const ms = performance.now() - t0
  const temp = tempFolder(out)
  const cleanedFile = cleanedPath(out, file.relative)
  const diff = diffPath(out, file.relative)
  // Encoded once: written, counted, and hashed for the manifest.
  const cleaned = Buffer.from(result.text)
  if (dropped) {
    rmSync(cleanedFile, {force: true})
    if (task.duplicates === 'write') writeFileAtomicSync(duplicatePath(out, file.relative), cleaned, temp)
  } else {
    writeFileAtomicSync(cleanedFile, cleaned, temp)
  }
  const document = documentEdits(file.relative, result, {
    bytesIn: bytes,
    bytesOut: dropped ? 0 : cleaned.length,
    ms,
    site: documentSite(pipeline.config.site, file.relative),
    dropped,
    written: !dropped || task.duplicates === 'write'
  })
  const entry = reportEntry(
    document,
    pipeline.stages.map((stage) => stage.name)
  )
  const stored = compactEntry(entry)
  // From the edits as stored, so that `rinse diffs OUT` writes the same diff again.
  if (stored.edits.length > 0 && !dropped && task.diffs !== false)
    writeFileAtomicSync(diff, unifiedDiff(file.relative, text, result.text, diffEdits(stored.edits)), temp)
  else rmSync(diff, {force: true})
  const serialized = serializeEntry(entry, stored)
  if (!task.manifest) return {document: serialized}
  const meta = {...task.manifest, hash: input.hash, output: dropped ? undefined : contentHash(cleaned)}
  return {line: manifestLine(meta, [serialized])}
}
