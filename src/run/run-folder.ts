/**
 * Clean every text file under a folder into OUT: cleaned files, unified diffs,
 * report.json and report.html. The input is only read; outputs are written atomically; a bad
 * file is reported and the batch goes on; a re-run skips finished files.
 */
import {realpath, stat} from 'node:fs/promises'
import {basename, dirname, join, resolve} from 'node:path'
import {exists, sizeOf} from '../io/stat-files.js'
import {cleanedPath, diffPath, isInside} from '../io/out-paths.js'
import {stopsRun} from '../io/write-error.js'
import type {ExpectedOutputs} from '../io/stale-outputs.js'
import {cannotReadFolder, listInputFiles, type InputFile} from '../io/walk.js'
import type {DocumentSummary, FailedDocument} from '../report/schema.js'
import {createPipeline} from '../library/pipeline.js'
import {dropDecision} from '../engine/corpus.js'
import {defaultConcurrency, defaultWorkers} from './pool.js'
import {InputError, UsageError} from '../errors.js'
import type {RunOptions, RunResult} from './batch.js'
import {runBatch, type BatchSource} from './run-batch.js'

/** Below this many files more than one worker thread costs more to start than it saves. */
const AUTO_POOL_FILES = 1000

/** What every folder run starts with: checked folders and the sorted list of input files. */
export async function folderRun(options: RunOptions): Promise<{out: string; files: InputFile[]; unread: FailedDocument[]}> {
  const input = resolve(options.input)
  const out = resolve(options.out)
  await checkFolders(input, out)
  try {
    const {files, unread} = await listInputFiles(input, {extensions: options.extensions, exclude: out})
    // A subfolder that cannot be listed is a failure of the run, reported as `sub/`.
    return {out, files, unread: unread.map((folder) => ({path: folder.relative, error: folder.error}))}
  } catch (error) {
    if (stopsRun(error)) throw error
    throw new UsageError(`input folder ${input}: ${cannotReadFolder(error)}`)
  }
}

export async function runFolder(options: RunOptions): Promise<RunResult> {
  const started = performance.now()
  const {out, files, unread} = await folderRun(options)
  const pipeline = createPipeline(options.pipeline)
  const workers = Math.max(1, options.workers ?? (files.length >= AUTO_POOL_FILES ? defaultWorkers() : 1))
  const concurrency = Math.max(1, options.concurrency ?? defaultConcurrency(workers))
  const source: BatchSource<FolderDocument> = {
    out,
    files,
    unread,
    pipeline,
    // Each worker's heap limit grows with the batch, for the corpus indexes it restores.
    pool: {workers, batchFiles: files.length, inFlight: concurrency, fileTimeoutMs: options.fileTimeoutMs},
    concurrency,
    filesAtOnce: concurrency,
    documentCount: files.length,
    // Documents are known by their path relative to the input folder; one that cannot be read is left out when collected.
    documents: (stats) => files.map((file, i) => ({path: file.relative, file, size: stats[i]?.size ?? 0})),
    collect:
      (cleaner) =>
      (stage, {file, size}, trace) =>
        cleaner.collectFile({stage, file, size, trace}),
    keyOf: (document) => document.path,
    bytesOf: (document) => document.size,
    async stillFinished(file, entry) {
      const document = entry.documents[0]
      if (document?.dropped) return true
      // The output must be there, and be the size this entry wrote: a later clean whose
      // line a crash lost may have replaced it (the content hash is checked when the input's mtime changed).
      if ((await sizeOf(cleanedPath(out, file.relative))) !== document?.bytesOut) return false
      // Finished without its diff (a run with diffs off), and diffs are wanted now: cleaned again.
      const diffWanted = options.diffs !== false && entry.diffs === false && (document?.edits ?? 0) > 0
      return !diffWanted || (await exists(diffPath(out, file.relative)))
    },
    async clean(file, {cleaner, manifest, meta, replay, stopped, cleaned}) {
      const stop = stopped(file.relative)
      if (stop !== undefined) throw new InputError(file.relative, stop)
      const result = await cleaner.cleanFile({
        file,
        size: meta.size,
        out,
        duplicates: options.duplicates,
        diffs: options.diffs,
        dropped: dropDecision(pipeline.stages, file.relative),
        replay: replay(file.relative),
        manifest: options.diffs === false ? {...meta, diffs: false} : meta
      })
      if ('problem' in result) throw new InputError(file.relative, result.problem)
      const entry = await manifest.append(result.line)
      cleaned(file.relative, entry.documents[0]!.bytesIn)
      return entry
    },
    expected: (documents) => expectedOutputs(files, documents, options)
  }
  return await runBatch(options, source, started)
}

/** A file of a folder run, as corpus collection sees it (it is read where it is collected). */
interface FolderDocument {
  path: string
  file: InputFile
  size: number
}

/** A folder run's possible outputs: one per input, and a duplicate for each dropped document when they are written. */
export function expectedOutputs(
  files: readonly InputFile[],
  documents: readonly DocumentSummary[],
  options: Pick<RunOptions, 'duplicates'>
): ExpectedOutputs {
  return {
    inputs: new Set(files.map((file) => file.relative)),
    duplicates: new Set(
      options.duplicates === 'write' ? documents.filter((document) => document.dropped).map((document) => document.path) : []
    )
  }
}

/**
 * Refuse an OUT that is IN, lies inside IN, or holds IN: rinse never writes among its input.
 * Compared as given and again as real paths, so a symbolic link (to OUT, to IN or to a
 * folder above either) cannot lead the writes into the input.
 */
async function checkFolders(input: string, out: string): Promise<void> {
  let info
  try {
    info = await stat(input)
  } catch {
    throw new UsageError(`input folder not found: ${input}`)
  }
  if (!info.isDirectory()) throw new UsageError(`input is not a folder: ${input}`)
  if (out === input) throw new UsageError('--out must not be the input folder: rinse never writes inside its input')
  if (isInside(out, input)) throw new UsageError('--out must not be inside the input folder: rinse never writes inside its input')
  if (isInside(input, out)) throw new UsageError('--out must not contain the input folder')
  const realInput = await realpath(input)
  const realOut = await realOutPath(out)
  const both = `--out ${out} is ${realOut}, input ${input} is ${realInput} (through a symbolic link)`
  if (realOut === realInput) throw new UsageError(`--out must not be the input folder: ${both}; rinse never writes inside its input`)
  if (isInside(realOut, realInput))
    throw new UsageError(`--out must not be inside the input folder: ${both}; rinse never writes inside its input`)
  if (isInside(realInput, realOut)) throw new UsageError(`--out must not contain the input folder: ${both}`)
}

/**
 * OUT's real path: that of OUT, or of its nearest existing ancestor with the rest
 * appended. A file there (OUT itself or a folder of its path) is refused now, not
 * met as ENOTDIR when the first output is written.
 */
async function realOutPath(out: string): Promise<string> {
  const rest: string[] = []
  for (let path = out; ; path = dirname(path)) {
    let info
    try {
      info = await stat(path)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if ((code === 'ENOENT' || code === 'ENOTDIR') && dirname(path) !== path) {
        rest.unshift(basename(path))
        continue
      }
      throw new UsageError(`cannot use --out ${out} (${code ?? String(error)})`)
    }
    if (!info.isDirectory())
      throw new UsageError(path === out ? `--out is a file, not a folder: ${out}` : `--out ${out} lies under a file: ${path}`)
    return join(await realpath(path), ...rest)
  }
}
