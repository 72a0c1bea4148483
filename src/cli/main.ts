#!/usr/bin/env node
/** The `rinse` command. Exit codes: 0 done, 1 some files failed, 2 bad usage or pipeline file, 3 a file lost more than --fail-on-removed-share, 69 Redis unavailable (--queue, worker), 74 an output could not be written (disk full): the run stopped. */
import {printable} from '../io/printable.js'
import {access, readFile} from 'node:fs/promises'
import {basename, join, resolve} from 'node:path'
import {Command, InvalidArgumentError} from 'commander'
import {reporter} from 'vfile-reporter'
import {DEFAULT_PIPELINE_PATH, forRecords, loadPipelineFile, withDedupIndex, withOverlays} from '../config/pipeline-file.js'
import {loadOverlayFile} from '../config/review/overlay.js'
import {createPipeline} from '../library/pipeline.js'
import {runFolder} from '../run/run-folder.js'
import {type Progress} from '../run/batch.js'
import {runJsonl} from '../run/run-jsonl.js'
import {tuneGarbageCollection} from '../run/tune-gc.js'
// Distributed mode (BullMQ, ioredis) is loaded only by the commands that use it.
import {DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_OUTAGE_TIMEOUT_MS, REDIS_UNAVAILABLE_EXIT, RedisUnavailable} from '../distributed/limits.js'
import {cannotRead, decodeDocument} from '../io/read-document.js'
import {WRITE_FAILED_EXIT} from '../io/write-error.js'
import {writeReportHtml} from '../report/html/index.js'
import {compareRuns, formatComparison} from '../report/compare.js'
import {writeDiffsFromReport} from '../report/write-diffs.js'
import {cleanStream} from './clean-stream.js'
import {progressBar} from './progress.js'
import {staleLine, staleReviewLine, summaryLine} from './summary.js'
import {VERSION} from '../version.js'
import {DEFAULT_FILE_TIMEOUT_MS} from '../run/pool.js'
import {ConfigError, InputError, OUTPUT_IN_USE_EXIT, OutputInUse, ReportVersionError, UsageError, WriteError} from '../errors.js'

tuneGarbageCollection()

const program = new Command()
  .name('rinse')
  .description('Clean and deduplicate scraped text. Every change is explained: stage, rule, reason, original position.')
  .version(VERSION)
  .showHelpAfterError()

program
  .command('run')
  .description('clean every text file under INPUT into OUT/cleaned, with OUT/report.json, OUT/report.html and OUT/diffs')
  .argument(
    '<input>',
    'folder of scraped text files (.txt, .md), read recursively and never modified; with --format jsonl, a .jsonl file or a folder of them'
  )
  .requiredOption('-o, --out <dir>', 'output folder (must not be INPUT or inside it)')
  .option('-p, --pipeline <file>', 'pipeline file (YAML or JSON)', DEFAULT_PIPELINE_PATH)
  .option(
    '--overlay <file>',
    'review overlay (YAML: rules off, lines kept or removed, per site or path glob) applied after the pipeline; repeatable, applied in order',
    (file: string, files: string[]) => [...files, file],
    [] as string[]
  )
  .option('-c, --concurrency <n>', 'files read and written at once (default 16, or 32 per worker thread)', positiveInt)
  .option('-w, --workers <n>', 'worker threads for cleaning (default: all cores for 1,000+ files, else 1)', positiveInt)
  .option(
    '--file-timeout <s>',
    'a file that takes longer is stopped and listed as failed with the rule it was in; the batch goes on (0: no limit, and one worker is then the main thread)',
    secondsOrNone,
    DEFAULT_FILE_TIMEOUT_MS / 1000
  )
  .option('--ext <list>', 'file extensions to read, comma-separated (default .txt,.text,.md,.markdown; .jsonl,.ndjson with --format jsonl)')
  .option('--format <format>', 'input format: txt (one document per file) or jsonl (one per line)', format, 'txt')
  .option('--text-field <name>', 'with --format jsonl: the field to clean', 'text')
  .option('--id-field <name>', 'with --format jsonl: the field naming each record in reports (default: line number)')
  .option('--queue <url>', 'distributed: split the run into jobs on this Redis (redis://HOST:PORT) for `rinse worker` processes')
  .option('--shard-size <n>', 'with --queue: files per job', positiveInt, 50)
  .option(
    '--connect-timeout <s>',
    'with --queue: exit 69 if Redis cannot be reached for this many seconds at start',
    seconds,
    DEFAULT_CONNECT_TIMEOUT_MS / 1000
  )
  .option(
    '--outage-timeout <s>',
    'with --queue: stop (exit 69, resumable) if Redis is lost mid-run for this many seconds',
    seconds,
    DEFAULT_OUTAGE_TIMEOUT_MS / 1000
  )
  .option('--index <file>', 'persistent near-duplicate index (SQLite): dedupe against every batch run before with it; earlier batches win')
  .option(
    '--batch <label>',
    "with --index: the name of this batch (default: the input folder's name); the same label again replaces that batch"
  )
  .option(
    '--duplicates <what>',
    'documents dropped as duplicates: skip (not written) or write (to OUT/duplicates/)',
    duplicatesOption,
    'skip'
  )
  .option('-f, --force', 'redo every file, ignoring what an earlier run finished')
  .option(
    '--prune',
    'delete outputs of inputs that are gone since an earlier run (else they are kept and listed in report.json under stale)'
  )
  .option('--fail-on-removed-share <ratio>', 'exit 3 if any file lost more than this share of its bytes (0-1), listing those files', share)
  .option('--compare <old-out>', 'compare with the output folder of an earlier run: a Compare tab in report.html (see `rinse compare`)')
  .option('--no-html', 'skip OUT/report.html')
  .option('--no-diffs', 'skip OUT/diffs (report.json keeps every edit; `rinse diffs OUT` writes them later)')
  .option('-q, --quiet', 'print nothing but errors')
  .addHelpText(
    'after',
    `
Outputs:
  OUT/cleaned/<path>       the cleaned files, same relative paths
  OUT/diffs/<path>.diff    unified diffs: git apply / patch -p1 turn the input into the cleaned file
                           (not with --no-diffs; \`rinse diffs OUT\` writes them later)
  OUT/report.json          every edit with stage, rule, reason and original line and offset
  OUT/report.html          an offline page to review every change (open it in a browser)
A re-run with the same pipeline skips files finished before (see --force); outputs of
inputs removed since are kept and listed in report.json under stale (see --prune).

Example:
  rinse run scraped/ --out cleaned/ --pipeline pipelines/strict.yaml`
  )
  .action(async (input: string, options: RunCommandOptions) => {
    if (options.compare) await readableReport(options.compare)
    const overlays = []
    // One at a time: the first invalid overlay is the one named.
    for (const file of options.overlay) overlays.push(await loadOverlayFile(file))
    const loaded = withOverlays(await loadPipelineFile(options.pipeline), overlays)
    const pipeline = options.index ? withDedupIndex(loaded, options.index, options.batch ?? basename(resolve(input))) : loaded
    const bar = options.quiet ? undefined : progressBar()
    // First Ctrl-C: finish the files in flight, write the report, exit 130; a re-run continues.
    const stop = new AbortController()
    process.once('SIGINT', () => {
      stop.abort()
      process.stderr.write('\nrinse: interrupted; finishing the files in flight (Ctrl-C again to quit at once)\n')
      process.once('SIGINT', () => process.exit(130))
    })
    const run = {
      input,
      out: options.out,
      pipeline,
      concurrency: options.concurrency,
      workers: options.workers,
      fileTimeoutMs: options.fileTimeout * 1000,
      force: options.force ?? false,
      html: options.html,
      diffs: options.diffs,
      duplicates: options.duplicates,
      prune: options.prune ?? false,
      signal: stop.signal,
      extensions: options.ext?.split(',').map((ext) => (ext.startsWith('.') ? ext : `.${ext}`)),
      onProgress: (progress: Progress) => bar?.update(progress)
    }
    // The bar's line is cleared however the run ends (a full disk stops it with one line of its own).
    const result = await (
      options.queue
        ? (await import('../distributed/coordinator.js')).runDistributed({
            ...run,
            queue: options.queue,
            shardSize: options.shardSize,
            connectTimeoutMs: options.connectTimeout * 1000,
            outageTimeoutMs: options.outageTimeout * 1000,
            onNotice: (line) => process.stderr.write(`${process.stderr.isTTY ? '\n' : ''}rinse: ${line}\n`)
          })
        : options.format === 'jsonl'
          ? runJsonl({...run, textField: options.textField, idField: options.idField})
          : runFolder(run)
    ).finally(() => bar?.end())
    for (const failure of result.report.failures) process.stderr.write(`rinse: ${printable(failure.path)}: ${failure.error}\n`)
    if (!options.quiet) {
      process.stdout.write(summaryLine(result.report, result.ms, result.resumed) + '\n')
      for (const line of [staleLine(result.report), staleReviewLine(result.report)]) if (line) process.stdout.write(line + '\n')
    }
    if (options.compare && !result.interrupted) {
      const comparison = await compareRuns(options.compare, options.out)
      if (options.html) await writeReportHtml(options.out, {comparison})
      if (!options.quiet)
        process.stdout.write(
          `rinse: compared with ${printable(options.compare)}: ${comparison.changed.length} of ${comparison.documents} documents cleaned differently${options.html ? ' (Compare tab of report.html)' : ''}\n`
        )
    }
    if (result.report.failures.length > 0) process.exitCode = 1
    if (result.interrupted) {
      process.stderr.write('rinse: stopped early; run the same command again to continue\n')
      process.exitCode = 130
    }
    if (options.failOnRemovedShare !== undefined) {
      const over = result.report.documents.filter((document) => removedShare(document) > options.failOnRemovedShare!)
      for (const document of over) {
        process.stderr.write(
          `rinse: ${printable(document.path)}: lost ${Math.round(removedShare(document) * 100)}% of its bytes (limit ${Math.round(options.failOnRemovedShare * 100)}%)\n`
        )
      }
      if (over.length > 0) process.exitCode = 3
    }
  })

program
  .command('worker')
  .description('distributed mode: do the jobs of `rinse run --queue` runs (any number of workers, on any machine that sees IN and OUT)')
  .requiredOption('--queue <url>', 'the Redis of the queue, redis://HOST:PORT')
  .option('-c, --concurrency <n>', 'jobs worked on at once by this process', positiveInt, 1)
  .option('--lock-ms <n>', 'a job whose worker stops renewing its lock this long is handed to another worker', positiveInt, 30_000)
  .option(
    '--connect-timeout <s>',
    'exit 69 if Redis cannot be reached for this many seconds at start',
    seconds,
    DEFAULT_CONNECT_TIMEOUT_MS / 1000
  )
  .option('--outage-timeout <s>', 'exit 69 if Redis is lost for this many seconds', seconds, DEFAULT_OUTAGE_TIMEOUT_MS / 1000)
  .option('-q, --quiet', 'do not log each job')
  .action(async (options: WorkerCommandOptions) => {
    // Ctrl-C (exit 130) or SIGTERM (exit 0): the jobs in hand are finished first, unless Redis is away.
    const stop = new AbortController()
    process.once('SIGINT', () => {
      process.exitCode = 130
      stop.abort()
    })
    process.once('SIGTERM', () => stop.abort())
    const {startWorker} = await import('../distributed/worker.js')
    const worker = await startWorker({
      queue: options.queue,
      concurrency: options.concurrency,
      lockMs: options.lockMs,
      connectTimeoutMs: options.connectTimeout * 1000,
      outageTimeoutMs: options.outageTimeout * 1000,
      signal: stop.signal,
      onNotice: (line) => process.stderr.write(`rinse worker: ${line}\n`),
      onStart: (job) => {
        if (!options.quiet) process.stdout.write(`rinse worker: started ${job.kind} of ${job.files.length} files of run ${job.run}\n`)
      },
      onJob: (job, ms) => {
        if (!options.quiet)
          process.stdout.write(`rinse worker: ${job.kind} ${job.files.length} files of run ${job.run} in ${(ms / 1000).toFixed(2)} s\n`)
      }
    })
    if (!options.quiet && !stop.signal.aborted) process.stdout.write(`rinse worker: waiting for jobs on ${options.queue}\n`)
    await worker.done
  })

program
  .command('compare')
  .description('what changed between two runs: documents cleaned differently, edits gained and lost per rule and per site')
  .argument('<old-out>', 'the output folder of the earlier run')
  .argument('<new-out>', 'the output folder of the later run')
  .option('--json', 'print the comparison as JSON')
  .action(async (oldOut: string, newOut: string, options: {json?: boolean}) => {
    await readableReport(oldOut)
    await readableReport(newOut)
    const comparison = await compareRuns(oldOut, newOut)
    process.stdout.write(options.json ? JSON.stringify(comparison, null, 2) + '\n' : formatComparison(comparison))
  })

program
  .command('report')
  .description('rebuild OUT/report.html from OUT/report.json and OUT/cleaned (after an upgrade, or for a run made elsewhere)')
  .argument('<out>', 'the output folder of a run')
  .option('--compare <old-out>', 'add a Compare tab: what changed since the run in OLD_OUT, as `rinse run --compare` does')
  .action(async (out: string, options: {compare?: string}) => {
    if (options.compare) {
      await readableReport(options.compare)
      await readableReport(out)
    }
    await writeReportHtml(out, options.compare ? {comparison: await compareRuns(options.compare, out)} : {})
    process.stdout.write(`rinse: wrote ${join(out, 'report.html')}\n`)
  })

program
  .command('diffs')
  .description('write OUT/diffs from OUT/report.json and OUT/cleaned (for a run made with --no-diffs)')
  .argument('<out>', 'the output folder of a run')
  .action(async (out: string) => {
    const {written, failures} = await writeDiffsFromReport(out)
    for (const failure of failures) process.stderr.write(`rinse: ${printable(failure.path)}: ${failure.error}\n`)
    process.stdout.write(`rinse: wrote ${written} diffs to ${join(out, 'diffs')}\n`)
    if (failures.length > 0) process.exitCode = 1
  })

program
  .command('explain')
  .description('print what rinse would change in one file, in the vfile-reporter style')
  .argument('<file>', 'a text file')
  .option('-p, --pipeline <file>', 'pipeline file (YAML or JSON)', DEFAULT_PIPELINE_PATH)
  .action(async (path: string, options: {pipeline: string}) => {
    const pipeline = createPipeline(await loadPipelineFile(options.pipeline))
    const text = decodeDocument(await readInput(path), path)
    const result = pipeline.clean(text, path)
    process.stdout.write(reporter([result.file], {verbose: false}) + '\n')
  })

program
  .command('clean')
  .description('clean standard input to standard output, for Unix pipes (corpus stages need `rinse run`)')
  .option('-p, --pipeline <file>', 'pipeline file (YAML or JSON)', DEFAULT_PIPELINE_PATH)
  .option('--format <format>', 'txt (the whole input is one document) or jsonl (one record per line, streamed)', format, 'txt')
  .option('--text-field <name>', 'with --format jsonl: the field to clean', 'text')
  .option(
    '--file-timeout <s>',
    'a document that takes longer is stopped (exit 1; a JSONL record passes through unchanged)',
    secondsOrNone,
    DEFAULT_FILE_TIMEOUT_MS / 1000
  )
  .action(async (options: {pipeline: string; format: 'txt' | 'jsonl'; textField: string; fileTimeout: number}) => {
    // A reader that closed the pipe early (`| head`) ends the command with one line, not an uncaught EPIPE.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      const problem = error.code === 'EPIPE' ? 'it was closed (EPIPE)' : error.message
      process.stderr.write(`rinse clean: cannot write standard output: ${problem}\n`)
      process.exit(1)
    })
    const loaded = await loadPipelineFile(options.pipeline)
    await cleanStream(process.stdin, process.stdout, {
      config: options.format === 'jsonl' ? forRecords(loaded) : loaded,
      format: options.format,
      textField: options.textField,
      fileTimeoutMs: options.fileTimeout * 1000,
      onProblem: (line) => {
        process.stderr.write(`rinse: ${printable(line)}\n`)
        process.exitCode = 1
      }
    })
  })

interface RunCommandOptions {
  out: string
  pipeline: string
  overlay: string[]
  compare?: string
  concurrency: number
  workers?: number
  fileTimeout: number
  ext?: string
  format: 'txt' | 'jsonl'
  textField: string
  idField?: string
  duplicates: 'skip' | 'write'
  index?: string
  batch?: string
  queue?: string
  shardSize: number
  force?: boolean
  prune?: boolean
  quiet?: boolean
  html: boolean
  diffs: boolean
  failOnRemovedShare?: number
  connectTimeout: number
  outageTimeout: number
}

interface WorkerCommandOptions {
  queue: string
  concurrency: number
  lockMs: number
  connectTimeout: number
  outageTimeout: number
  quiet?: boolean
}

function removedShare(document: {bytesIn: number; bytesOut: number}): number {
  return document.bytesIn > 0 ? 1 - document.bytesOut / document.bytesIn : 0
}

function format(value: string): 'txt' | 'jsonl' {
  if (value !== 'txt' && value !== 'jsonl') throw new InvalidArgumentError('expected txt or jsonl')
  return value
}

function duplicatesOption(value: string): 'skip' | 'write' {
  if (value !== 'skip' && value !== 'write') throw new InvalidArgumentError('expected skip or write')
  return value
}

function seconds(value: string): number {
  const number = Number(value)
  if (!(number > 0) || !Number.isFinite(number)) throw new InvalidArgumentError('expected a number of seconds above 0')
  return number
}

function secondsOrNone(value: string): number {
  const number = Number(value)
  if (!(number >= 0) || !Number.isFinite(number)) throw new InvalidArgumentError('expected a number of seconds (0: no limit)')
  return number
}

function share(value: string): number {
  const number = Number(value)
  if (!(number >= 0 && number <= 1)) throw new InvalidArgumentError('expected a share between 0 and 1, e.g. 0.6')
  return number
}

function positiveInt(value: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('expected a positive whole number')
  return number
}

/** An output folder's report.json must be there before a run or a comparison uses it. */
async function readableReport(out: string): Promise<void> {
  try {
    await access(join(out, 'report.json'))
  } catch {
    throw new UsageError(`${out}: no report.json here; expected the output folder of a rinse run`)
  }
}

async function readInput(path: string): Promise<Buffer> {
  try {
    return await readFile(path)
  } catch (error) {
    throw new InputError(path, cannotRead(error))
  }
}

try {
  await program.parseAsync()
} catch (error) {
  if (error instanceof ConfigError || error instanceof UsageError || error instanceof InputError || error instanceof ReportVersionError) {
    process.stderr.write(`rinse: ${error.message}\n`)
    process.exitCode = error instanceof InputError ? 1 : 2
  } else if (error instanceof WriteError) {
    process.stderr.write(`rinse: ${error.message}; stopped: ${error.advice}\n`)
    process.exitCode = WRITE_FAILED_EXIT
  } else if (error instanceof OutputInUse) {
    process.stderr.write(`rinse: ${error.message}\n`)
    process.exitCode = OUTPUT_IN_USE_EXIT
  } else if (error instanceof RedisUnavailable) {
    process.stderr.write(`rinse: ${error.message}\n`)
    process.exitCode = REDIS_UNAVAILABLE_EXIT
  } else {
    throw error
  }
}
