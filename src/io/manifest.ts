/**
 * The resume manifest: one JSON line per finished file, appended as files
 * finish. A re-run skips files whose input (size, mtime) and pipeline are
 * unchanged and whose output exists; a torn last line from a crash is ignored.
 */
import {mkdir, open, readFile, rm, type FileHandle} from 'node:fs/promises'
import {dirname} from 'node:path'
import type {DocumentReport} from '../report/schema.js'

export interface ManifestEntry {
  path: string
  size: number
  mtimeMs: number
  pipeline: string
  /** With corpus stages: the batch's file list key and the corpus index's fingerprint when this file was cleaned. */
  batch?: string
  corpus?: string
  document: DocumentReport
  /** For a JSONL file: the report of every record, and the records that could not be cleaned. */
  documents?: DocumentReport[]
  failures?: Array<{path: string; error: string}>
}

export class Manifest {
  private handle: Promise<FileHandle> | undefined
  private queue: Promise<void> = Promise.resolve()

  private constructor(
    readonly file: string,
    private readonly entries: Map<string, ManifestEntry>
  ) {}

  static async open(file: string, options: {fresh: boolean}): Promise<Manifest> {
    const entries = new Map<string, ManifestEntry>()
    if (options.fresh) {
      await rm(file, {force: true})
    } else {
      let text = ''
      try {
        text = await readFile(file, 'utf8')
      } catch {
        // No manifest yet: a first run.
      }
      for (const line of text.split('\n')) {
        if (!line) continue
        try {
          const entry = JSON.parse(line) as ManifestEntry
          entries.set(entry.path, entry)
        } catch {
          // A line cut short by a crash: that file is simply redone.
        }
      }
    }
    await mkdir(dirname(file), {recursive: true})
    return new Manifest(file, entries)
  }

  /** The finished entry for a file, if its input and the pipeline are unchanged. */
  done(path: string, size: number, mtimeMs: number, pipeline: string): ManifestEntry | undefined {
    const entry = this.entries.get(path)
    return entry && entry.size === size && entry.mtimeMs === mtimeMs && entry.pipeline === pipeline ? entry : undefined
  }

  /** Append one finished file. Lines are written in order through one open handle. */
  async record(entry: ManifestEntry): Promise<void> {
    this.entries.set(entry.path, entry)
    this.handle ??= open(this.file, 'a')
    const handle = await this.handle
    this.queue = this.queue.then(() => handle.write(JSON.stringify(entry) + '\n')).then(() => undefined)
    await this.queue
  }

  async close(): Promise<void> {
    await this.queue
    if (this.handle) await (await this.handle).close()
    this.handle = undefined
  }
}
