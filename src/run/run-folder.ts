/**
 * Clean every text file under a folder into OUT: cleaned files, unified diffs,
 * report.json and report.html. The input is only read; outputs are written atomically; a bad
 * file is reported and the batch goes on; a re-run skips finished files.
 */
import {jsonKey} from '../io/content-hash.js'
import {realpath, rm, stat} from 'node:fs/promises'
import {basename, dirname, join, resolve} from 'node:path'
import pLimit from 'p-limit'
import {Manifest, type LocatedSummary, type ManifestEntry} from './manifest.js'
import {exists, sizeOf, statFiles, type FileStat} from '../io/stat-files.js'
import {cleanedPath, diffPath, isInside} from '../io/out-paths.js'
import {cannotRead} from '../io/read-document.js'
import {stopsRun} from '../io/write-error.js'
import {type ExpectedOutputs} from '../io/stale-outputs.js'
import {cannotReadFolder, listInputFiles, type InputFile} from '../io/walk.js'
import type {DocumentSummary, FailedDocument} from '../report/schema.js'
import {buildCorpus, corpusSnapshots, fingerprintCorpus, hasCorpusStages} from '../engine/corpus.js'
import {loadCorpus, saveCorpus, tryRestore, type SavedCorpus} from './corpus-state.js'
import {TraceSpool, type TraceRef} from './trace-spool.js'
import {createPipeline} from '../library/pipeline.js'
import {cleanerFor, defaultConcurrency, defaultWorkers} from './pool.js'
import {forEachLimited, mapLimited} from '../engine/limited.js'
import {pushAll} from '../engine/arrays.js'
import {InputError, UsageError, type WriteError} from '../errors.js'
import {
  anySignal,
  closeRun,
  collectionProgress,
  finishRun,
  manifestSource,
  passCounter,
  skippingStopped,
  stoppedBeforeCleaning,
  type RunOptions,
  type RunResult
} from './batch.js'

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
  const manifest = await Manifest.open(join(out, '.rinse', 'manifest.jsonl'), {fresh: options.force ?? false})
  const documents: LocatedSummary[] = []
  // This run's files, for the manifest to point into report.json once it is written.
  const entries: ManifestEntry[] = []
  const failures: FailedDocument[] = [...unread]
  let resumed = 0
  let done = 0
  let bytes = 0
  const workers = Math.max(1, options.workers ?? (files.length >= AUTO_POOL_FILES ? defaultWorkers() : 1))
  const concurrency = Math.max(1, options.concurrency ?? defaultConcurrency(workers))
  const limit = pLimit(concurrency)

  // With corpus stages a file's result depends on the whole batch. An unchanged
  // batch resumes without looking at it; otherwise the corpus is collected again
  // and a finished file is reused only if the corpus index came out the same.
  const statted = await statFiles(files.map((file) => file.path))
  const stats = statted.map((info) => (info instanceof Error ? undefined : info))
  const corpus = hasCorpusStages(pipeline.stages)
  let batch = corpus ? batchKey(files, stats) : undefined
  // Checked only when an earlier run left a manifest: a copied folder may need every file read.
  const reportChecked = manifest.finished > 0 ? checkProgress(options.onProgress, files.length) : () => {}
  const candidates = await mapLimited(files, limit, async (file, i) => {
    // Ctrl-C while checking: the files left are not read (the run stops below).
    if (options.signal?.aborted) return undefined
    reportChecked(file.relative)
    const info = stats[i]
    const output = cleanedPath(out, file.relative)
    const entry = info && (await manifest.done(file.relative, {path: file.path, ...info}, options.pipeline.hash, output))
    if (!entry) return undefined
    const document = entry.documents[0]
    if (document?.dropped) return entry
    // The output must be there, and be the size this entry wrote: a later clean whose
    // line a crash lost may have replaced it (the content hash is checked when the input's mtime changed).
    if ((await sizeOf(output)) !== document?.bytesOut) return undefined
    // Finished without its diff (a run with diffs off), and diffs are wanted now: cleaned again.
    const diffWanted = options.diffs !== false && entry.diffs === false && (document?.edits ?? 0) > 0
    return diffWanted && !(await exists(diffPath(out, file.relative))) ? undefined : entry
  })
  if (options.signal?.aborted) {
    await manifest.close()
    return await stoppedBeforeCleaning(out, options, pipeline.stages, started)
  }
  let corpusFingerprint: string | undefined
  let finished = candidates
  // Traces let the final pass replay what collection already did; they wait on disk.
  const corpusFile = join(out, '.rinse', 'corpus.v8')
  if (options.force) await rm(corpusFile, {force: true})
  const spool = new TraceSpool(join(out, '.rinse', 'traces.jsonl'))
  const traces = new Map<string, TraceRef>()
  // One worker pool serves the whole run, told each time an index changes. A
  // fresh pool for the cleaning pass cost 0.6-0.8 s of an 18 s run in starting
  // threads and compiling the stages again; each worker's heap is capped either way.
  const cleaner = cleanerFor(pipeline, {workers, batchFiles: files.length, inFlight: concurrency, fileTimeoutMs: options.fileTimeoutMs})
  // An output that could not be written for a reason every later file would meet too (a full disk).
  let stopped: WriteError | undefined
  let failing = false
  try {
    // The same batch was collected before (a run stopped in its cleaning pass, or a
    // finished one run again): its indexes are taken as saved, for the files left and
    // for the report's clusters.
    // A batch whose key changed only because files were touched or copied (new
    // mtimes) is the same batch: the same paths, each a file that batch cleaned
    // (unchanged, or with the same bytes).
    const paths = pathsKey(files)
    const sameFiles = (saved: SavedCorpus): boolean => saved.paths === paths && candidates.every((entry) => entry?.batch === saved.batch)
    let saved = corpus
      ? await loadCorpus(corpusFile, (candidate) => candidate.batch === batch || sameFiles(candidate), options.pipeline.hash)
      : undefined
    if (saved && !tryRestore(pipeline.stages, saved.snapshots)) saved = undefined
    if (saved) {
      batch = saved.batch
      // The pool's threads started with the indexes unbuilt.
      cleaner.refresh()
      corpusFingerprint = saved.fingerprint
    }
    // Without saved indexes (none yet, another rinse version, damaged) the batch is
    // collected, even when every file is finished: the report's clusters need them.
    const collecting = corpus && !saved
    // A file the watchdog stopped while collecting is left out of the indexes (as an
    // unreadable one is), not tried again by a later corpus stage, and fails with why.
    const stoppedFiles = new Map<string, string>()
    const passes = passCounter(pipeline.stages, collecting)
    if (collecting) {
      const reportCollected = collectionProgress(pipeline.stages, options.onProgress, files.length)
      // Files that could not be read are not in the indexes: a re-run must collect again, as they may be readable then.
      let unread = 0
      const built = await buildCorpus(
        pipeline.stages,
        // Documents are known by their path relative to the input folder.
        () => files.map((file, i) => ({path: file.relative, file, size: stats[i]?.size ?? 0})),
        {
          collector: {
            collect: skippingStopped(
              stoppedFiles,
              ({file}) => file.relative,
              (stage, {file, size}, trace) => cleaner.collectFile({stage, file, size, trace})
            ),
            refresh: () => cleaner.refresh()
          },
          concurrency,
          onTrace: ({path}, trace) => traces.set(path, spool.append(trace)),
          onCollected: (stage, {path, size}, read) => {
            if (!read) unread++
            reportCollected(stage, path, size)
          },
          // A spool write that failed (a full disk) stops collection too; the flush below reports it.
          signal: anySignal(options.signal, spool.stopped)
        }
      )
      await spool.flush()
      if (!built) {
        await cleaner.close()
        return await stoppedBeforeCleaning(out, options, pipeline.stages, started)
      }
      corpusFingerprint = fingerprintCorpus(pipeline.stages)
      if (unread === 0)
        saveCorpus(corpusFile, {
          batch: batch!,
          paths,
          pipeline: options.pipeline.hash,
          fingerprint: corpusFingerprint,
          snapshots: corpusSnapshots(pipeline.stages)
        })
      else await rm(corpusFile, {force: true})
      // The threads collected with the last index unbuilt.
      cleaner.refresh()
    }
    // A finished file is reused only if the corpus index is the one it was cleaned with.
    if (corpus) finished = candidates.map((entry) => (entry?.corpus === corpusFingerprint ? entry : undefined))

    await forEachLimited(files, limit, async (file, i) => {
      // A file an earlier run finished is taken even after Ctrl-C: it costs nothing, and stays in the report.
      if ((options.signal?.aborted && !finished[i]) || stopped) return
      let failed = false
      try {
        const info = stats[i]
        if (!info) throw new InputError(file.relative, cannotRead(statted[i]))
        const stop = stoppedFiles.get(file.relative)
        if (stop !== undefined) throw new InputError(file.relative, stop)
        const previous = finished[i]
        if (previous) {
          pushAll(documents, previous.documents)
          entries.push(previous)
          resumed++
          return
        }
        const meta = {
          path: file.relative,
          size: info.size,
          mtimeMs: info.mtimeMs,
          pipeline: options.pipeline.hash,
          batch,
          corpus: corpusFingerprint,
          ...(options.diffs === false ? {diffs: false as const} : {})
        }
        const cleaned = await cleaner.cleanFile({
          file,
          size: info.size,
          out,
          duplicates: options.duplicates,
          diffs: options.diffs,
          replay: traces.get(file.relative),
          manifest: meta
        })
        if ('problem' in cleaned) throw new InputError(file.relative, cleaned.problem)
        const entry = await manifest.append(cleaned.line)
        bytes += entry.documents[0]!.bytesIn
        pushAll(documents, entry.documents)
        entries.push(entry)
      } catch (error) {
        failed = true
        // Not this file's failure: the run stops once the files in flight are done, and a re-run does this one.
        if (stopsRun(error)) {
          stopped ??= error
          return
        }
        failures.push({
          path: file.relative,
          error: error instanceof InputError ? error.problem : String((error as Error).message ?? error)
        })
      } finally {
        done++
        options.onProgress?.({
          phase: 'clean',
          ...passes.cleaning,
          done,
          total: files.length,
          skipped: resumed,
          bytes,
          path: file.relative,
          failed
        })
      }
    })
    // No report: the one of an earlier run stays, and the re-run writes the new one.
    if (stopped) throw stopped
    // A line that could not be written stops the run here, before a report is built on it.
    await manifest.flush()
    await cleaner.close()
    const source = manifestSource(manifest, documents, entries)
    const result = await finishRun(out, options, pipeline.stages, source, failures, resumed, started, {
      ...expectedOutputs(files, documents, options),
      unread: new Set(unread.map((folder) => folder.path))
    })
    if (options.signal?.aborted) result.interrupted = true
    return result
  } catch (error) {
    failing = true
    throw error
  } finally {
    await closeRun(failing, cleaner, manifest, spool)
  }
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

/** Progress of the check for finished files (pass 0: the passes are not known yet). */
function checkProgress(onProgress: RunOptions['onProgress'], total: number): (path: string) => void {
  let done = 0
  return (path) => onProgress?.({phase: 'check', pass: 0, passes: 0, done: ++done, total, bytes: 0, path, failed: false})
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

/** What a batch is: each file's path, size and mtime (none for a file that could not be stated). */
export function batchKey(files: readonly InputFile[], stats: ReadonlyArray<FileStat | Error | undefined>): string {
  return jsonKey(
    files.map((file, i) => {
      const info = stats[i]
      return info instanceof Error || !info ? [file.relative, undefined, undefined] : [file.relative, info.size, info.mtimeMs]
    })
  )
}

/** The batch's file list alone. */
function pathsKey(files: readonly InputFile[]): string {
  return jsonKey(files.map((file) => file.relative))
}
