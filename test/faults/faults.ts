/** Running the built CLI with file system faults injected (see preload.mjs), and what to compare after. */
import {execFile} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {expect} from 'vitest'
import {CLI, fileHashes, listFiles, prng, rinse, tempDir, type CommandResult} from '../helpers.js'

export const PRELOAD = join(import.meta.dirname, 'preload.mjs')

export interface Fault {
  code: 'ENOSPC' | 'EACCES' | 'EMFILE'
  /** A regular expression for the paths that fail. */
  path: string
  /** Matching calls let through first (per thread). */
  skip?: number
  /** Faults given before calls succeed again (default: all). */
  times?: number
}

/** The environment and Node arguments that run the built CLI with `fault` injected into node:fs: `node ...argv ...args`. */
export function withFault(fault: Fault): {env: NodeJS.ProcessEnv; argv: string[]} {
  const env = {
    ...process.env,
    RINSE_FAULT: fault.code,
    RINSE_FAULT_PATH: fault.path,
    RINSE_FAULT_SKIP: String(fault.skip ?? 0),
    RINSE_FAULT_TIMES: String(fault.times ?? Infinity)
  }
  return {env, argv: ['--import', PRELOAD, CLI]}
}

/** `rinse ...args` (the built CLI) with `fault` injected into node:fs. */
export function rinseWithFault(args: string[], fault: Fault): Promise<CommandResult> {
  const {env, argv} = withFault(fault)
  return new Promise((resolve) => {
    execFile(process.execPath, [...argv, ...args], {env, maxBuffer: 64 * 1024 * 1024}, (error, stdout, stderr) => {
      resolve({code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr})
    })
  })
}

/** A folder of `count` text files (some in sub/) with edits to make: trailing spaces, share lines, a footer every file repeats. */
export function textFolder(dir: string, count = 12): string {
  const random = prng(24)
  const words = 'river council budget vote market harbour winter library tram school bridge festival museum garden'.split(' ')
  const sentence = (): string => {
    const length = 8 + Math.floor(random() * 10)
    const text = Array.from({length}, () => words[Math.floor(random() * words.length)]).join(' ')
    return text[0]!.toUpperCase() + text.slice(1) + '.'
  }
  for (let i = 0; i < count; i++) {
    const paragraphs = Array.from({length: 6}, () => Array.from({length: 4}, sentence).join(' ') + '   ')
    const text = [`Story ${i}`, ...paragraphs, 'Share this on Facebook', 'Copyright 2024 Example News. All rights reserved.'].join('\n\n')
    const file = join(dir, i % 3 === 0 ? 'sub' : '', `story-${String(i).padStart(2, '0')}.txt`)
    mkdirSync(join(file, '..'), {recursive: true})
    writeFileSync(file, text + '\n')
  }
  return dir
}

/** A folder of three JSONL files of `records` records each. */
export function jsonlFolder(dir: string, records = 20): string {
  const random = prng(7)
  mkdirSync(dir, {recursive: true})
  for (const name of ['a', 'b', 'c']) {
    const lines = Array.from({length: records}, (_, i) => {
      const text = `Record ${name}${i}   \n\n${Array.from({length: 30}, () => Math.floor(random() * 1e6).toString(36)).join(' ')}.\n\nShare this on Facebook\n`
      return JSON.stringify({id: `${name}${i}`, text})
    })
    writeFileSync(join(dir, `${name}.jsonl`), lines.join('\n') + '\n')
  }
  return dir
}

/** Temp files a writer left: atomic writes' `.rinse-*.tmp`, report and JSONL temps, the trace spool. */
export function leftovers(out: string): string[] {
  if (!existsSync(out)) return []
  return listFiles(out).filter((file) => file.endsWith('.tmp') || file.endsWith('traces.jsonl'))
}

/** report.json without what differs between two runs of the same batch (timings, files resumed, the report's id). */
export function comparableReport(out: string): unknown {
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'), (key, value: unknown) =>
    key === 'ms' || key === 'skipped' ? undefined : value
  ) as {id?: string}
  delete report.id
  return report
}

/** The outputs of a run that a re-run must reproduce byte for byte. */
export function outputs(out: string): Record<string, string> {
  const files = fileHashes(out)
  return Object.fromEntries(Object.entries(files).filter(([path]) => /^(?:cleaned|diffs|duplicates)\//.test(path)))
}

/** Every output file present in `out` is byte-identical to the one in `reference`. */
export function presentOutputsMatch(out: string, reference: string): {present: number; differing: string[]} {
  const expected = outputs(reference)
  const present = Object.entries(existsSync(out) ? outputs(out) : {})
  return {present: present.length, differing: present.filter(([path, hash]) => expected[path] !== hash).map(([path]) => path)}
}

/**
 * `rinse run INPUT --out <a new OUT> ...args` meeting `fault`, checked as far as every
 * stopped run must be (exit 74, one line, no stack trace, no temp file, each output
 * written as in `straight`, a run without faults); then run again without the fault,
 * checked against `straight`. `present`: the outputs the stopped run had written.
 */
export async function stopsThenResumes(
  input: string,
  straight: string,
  fault: Fault,
  args: string[] = []
): Promise<{out: string; stderr: string; present: number}> {
  const out = join(tempDir('rinse-faults-'), 'out')
  const faulty = await rinseWithFault(['run', input, '--out', out, ...args], fault)
  expect(faulty.code, faulty.stderr).toBe(74)
  expect(faulty.stderr.trimEnd().split('\n')).toHaveLength(1)
  expect(faulty.stderr).not.toMatch(/\n\s+at /)
  expect(leftovers(out)).toEqual([])
  const {present, differing} = presentOutputsMatch(out, straight)
  expect(differing).toEqual([])

  const again = await rinse(['run', input, '--out', out, ...args, '-q'])
  expect(again.code, again.stderr).toBe(0)
  expect(outputs(out)).toEqual(outputs(straight))
  expect(comparableReport(out)).toEqual(comparableReport(straight))
  expect(leftovers(out)).toEqual([])
  return {out, stderr: faulty.stderr, present}
}
