/**
 * Clean one input file into OUT: the cleaned file (or, for a dropped
 * duplicate, nothing or OUT/duplicates/), its unified diff, and its report
 * entry. Every write is atomic, so a crash or a killed worker never leaves half
 * a file, and doing a file twice gives the same bytes.
 */
import {rm} from 'node:fs/promises'
import {join} from 'node:path'
import {writeFileAtomic} from '../io/atomic-write.js'
import {readDocument} from '../io/read-document.js'
import type {InputFile} from '../io/walk.js'
import type {DocumentReport} from '../report/schema.js'
import {unifiedDiff} from '../report/unified-diff.js'
import {dropDecision} from './corpus.js'
import type {Trace} from './clean-document.js'
import type {Cleaner} from './pool.js'
import type {ConfiguredStage} from './stage.js'

export interface FileContext {
  out: string
  cleaner: Cleaner
  /** The stages whose corpus indexes decide drops (built or restored). */
  stages: readonly ConfiguredStage[]
  duplicates?: 'skip' | 'write'
  /** What corpus collection recorded per path, replayed instead of run again. */
  traces?: ReadonlyMap<string, Trace>
}

/** Throws an InputError for a file that cannot be cleaned. */
export async function cleanFile(file: InputFile, context: FileContext): Promise<DocumentReport> {
  const {out} = context
  const cleanedPath = join(out, 'cleaned', file.relative)
  const diffPath = join(out, 'diffs', `${file.relative}.diff`)
  const t0 = performance.now()
  const {text, bytes} = await readDocument(file.path, file.relative)
  const dropped = dropDecision(context.stages, file.relative)
  const result = await context.cleaner.clean(text, file.relative, context.traces?.get(file.relative))
  const ms = performance.now() - t0
  const temp = join(out, '.rinse', 'tmp')
  if (dropped) {
    await rm(cleanedPath, {force: true})
    if (context.duplicates === 'write') await writeFileAtomic(join(out, 'duplicates', file.relative), result.text, temp)
  } else {
    await writeFileAtomic(cleanedPath, result.text, temp)
  }
  if (result.edits.length > 0 && !dropped) await writeFileAtomic(diffPath, unifiedDiff(file.relative, text, result.text), temp)
  else await rm(diffPath, {force: true})
  const document: DocumentReport = {
    path: file.relative,
    bytesIn: bytes,
    bytesOut: dropped ? 0 : Buffer.byteLength(result.text),
    ms: Math.round(ms * 100) / 100,
    edits: result.edits,
    conflicts: result.conflicts
  }
  if (result.warnings.length > 0) document.warnings = result.warnings
  if (dropped) document.dropped = dropped
  return document
}
