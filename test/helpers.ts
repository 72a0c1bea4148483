/** Helpers for tests that run the real `rinse` command on temporary folders. */
import {execFile} from 'node:child_process'
import {createHash} from 'node:crypto'
import {createServer} from 'node:net'
import {cpSync, mkdtempSync, readdirSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import type {Report} from '../src/report/schema.js'
import {placedEdits, type ExpandedDocument} from '../src/report/compact.js'

export const CLI = join(import.meta.dirname, '..', 'dist', 'cli', 'main.js')

/** The bundled sample folder, input/. */
export const SAMPLE = join(import.meta.dirname, '..', 'input')

export interface CommandResult {
  code: number
  stdout: string
  stderr: string
}

/** Run `rinse ...args` (the built CLI) and collect its output and exit code. */
export function rinse(args: string[], options: {input?: string; cwd?: string; env?: Record<string, string>} = {}): Promise<CommandResult> {
  const env = options.env && {...process.env, ...options.env}
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [CLI, ...args],
      {cwd: options.cwd, env, maxBuffer: 64 * 1024 * 1024},
      (error, stdout, stderr) => {
        resolve({code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr})
      }
    )
    if (options.input !== undefined) child.stdin!.end(options.input)
  })
}

export function tempDir(prefix = 'rinse-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/** A new temporary folder `work` holding a copy of the sample as `input`, and the path `out` beside it (not made). */
export function sampleCopy(): {work: string; input: string; out: string} {
  const work = tempDir()
  const input = join(work, 'in')
  cpSync(SAMPLE, input, {recursive: true})
  return {work, input, out: join(work, 'out')}
}

/** OUT/report.json, parsed, as it is stored: every edit an object with its stage, rule, reason, first place (and others under `also`) and texts. */
export function readStoredReport(out: string): Report {
  return JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report
}

export type ExpandedReport = Omit<Report, 'documents'> & {documents: ExpandedDocument[]}

/** OUT/report.json with each document's edits as `Edit` objects, each place on its own (lines as stored, columns 0). */
export function readReport(out: string): ExpandedReport {
  const report = readStoredReport(out)
  return {...report, documents: report.documents.map((document) => ({...document, edits: placedEdits(document.edits)}))}
}

/** The files under a folder, as sorted relative paths. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort()
}

/** A tiny deterministic PRNG, so randomized tests reproduce. */
export function prng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0
    return s / 2 ** 32
  }
}

/** Every file under `dir` (relative path) with the SHA-256 of its bytes: two trees compare equal when their files do. */
export function fileHashes(dir: string): Record<string, string> {
  const files: Record<string, string> = {}
  for (const entry of readdirSync(dir, {recursive: true, withFileTypes: true})) {
    if (entry.isFile())
      files[relative(dir, join(entry.parentPath, entry.name))] = createHash('sha256')
        .update(readFileSync(join(entry.parentPath, entry.name)))
        .digest('hex')
  }
  return files
}

/** A TCP port free on the loopback address now, for a server a test starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address() as {port: number}
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}
