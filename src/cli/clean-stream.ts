/**
 * `rinse clean`: standard input to standard output, for Unix pipes. Each document
 * (the whole input, or each JSONL record) is cleaned under the file time limit in a
 * worker thread, so a document a rule hangs on ends in one line naming it, and
 * Ctrl-C works while it is cleaned.
 */
import {once} from 'node:events'
import type {Readable, Writable} from 'node:stream'
import type {PipelineConfig} from '../config/pipeline-file.js'
import {createPipeline} from '../library/pipeline.js'
import {cleanerFor, type Cleaner} from '../run/pool.js'
import {documentSite} from '../io/site.js'
import {readJsonl, withText} from '../io/jsonl.js'
import {decodeDocument} from '../io/read-document.js'
import {InputError} from '../errors.js'

export interface CleanStreamOptions {
  config: PipelineConfig
  format: 'txt' | 'jsonl'
  textField: string
  /** A document taking longer is stopped (0: no limit, cleaned in this thread). */
  fileTimeoutMs: number
  /** A record that could not be cleaned, passed through unchanged: one line for the user. */
  onProblem: (line: string) => void
}

/** JSONL records cleaned at once: enough to keep the thread busy while output is written in input order. */
const RECORDS_IN_FLIGHT = 64

export async function cleanStream(input: Readable, output: Writable, options: CleanStreamOptions): Promise<void> {
  const cleaner = cleanerFor(createPipeline(options.config), {
    workers: 1,
    inFlight: RECORDS_IN_FLIGHT,
    fileTimeoutMs: options.fileTimeoutMs
  })
  try {
    if (options.format === 'jsonl') await cleanRecords(cleaner, input, output, options)
    else {
      const chunks: Buffer[] = []
      for await (const chunk of input) chunks.push(chunk as Buffer)
      const text = decodeDocument(Buffer.concat(chunks), '<stdin>')
      await write(output, await cleanOne(cleaner, text, '<stdin>'))
    }
  } finally {
    await cleaner.close()
  }
}

async function cleanRecords(cleaner: Cleaner, input: Readable, output: Writable, options: CleanStreamOptions): Promise<void> {
  // Lines out in the order they came in, blank and bad ones included, so that output line N is input line N.
  const pending: Array<Promise<string>> = []
  for await (const record of readJsonl(input, {textField: options.textField})) {
    if (record.blank) pending.push(Promise.resolve(record.raw))
    else if (record.text === undefined || !record.record) {
      options.onProblem(`<stdin>:${record.line}: ${record.problem}; passed through unchanged`)
      pending.push(Promise.resolve(record.raw))
    } else {
      const {record: fields, raw, line} = record
      const name = `<stdin>:${line}`
      // A record naming its site (a `site` or `url` field) is scoped by it, unless the pipeline has a `site` pattern.
      const site = record.site === undefined ? undefined : documentSite(options.config.site, name, record.site)
      pending.push(
        cleanOne(cleaner, record.text, name, site).then(
          (text) => withText(fields, options.textField, text),
          (error: Error) => {
            options.onProblem(`${error.message}; passed through unchanged`)
            return raw
          }
        )
      )
    }
    while (pending.length >= RECORDS_IN_FLIGHT) await write(output, (await pending.shift()!) + '\n')
  }
  for (const next of pending) await write(output, (await next) + '\n')
}

/** A stage that throws or a document over its time becomes one line naming the input (exit 1), not a stack trace. */
async function cleanOne(cleaner: Cleaner, text: string, name: string, site?: string): Promise<string> {
  try {
    return (await cleaner.clean(text, name, undefined, site)).text
  } catch (error) {
    throw new InputError(name, `could not be cleaned: ${error instanceof Error ? error.message : String(error)}`)
  }
}

async function write(output: Writable, text: string): Promise<void> {
  if (!output.write(text)) await once(output, 'drain')
}
