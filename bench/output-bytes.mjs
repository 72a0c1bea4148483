#!/usr/bin/env node
// What a run writes besides its cleaned files, against the input it read:
//   npm run bench:bytes [-- --dir DIR | --parts boilerplate,wcxb] [--mb 20] [--workers 2]
//                       [--other OTHER/dist] [--no-diffs] [--rebuild] [--keep]
// Copies the raw pages (every part of ../shared/devset, or the .txt files of DIR; the
// first --mb megabytes in name order) into one folder, runs `rinse run` on it, and
// prints the bytes of report.json, OUT/.rinse, report.html, diffs/ and cleaned/, each
// as a multiple of the input, with the two targets of issue 19: everything besides
// cleaned/ at most 2x the input, report.json plus OUT/.rinse at most 1x.
// --other runs another build (e.g. /work/main/dist) on the same folder for a before
// and after, and says whether cleaned/ is byte-identical between the two. Both builds
// run with their defaults (diffs written, as a user runs it), or both with --no-diffs.
// --rebuild deletes diffs/ (when written) and
// report.html, writes them again from OUT alone (`rinse diffs`, `rinse report`) and
// says whether they came out the same.
import {execFileSync} from 'node:child_process'
import {copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, join, resolve} from 'node:path'
import {parseArgs} from 'node:util'
import {pageFiles} from './devset-pages.mjs'

const {values} = parseArgs({
  options: {
    dir: {type: 'string'},
    parts: {type: 'string'},
    mb: {type: 'string'},
    workers: {type: 'string', default: '2'},
    other: {type: 'string'},
    'no-diffs': {type: 'boolean'},
    rebuild: {type: 'boolean'},
    keep: {type: 'boolean'}
  }
})
const THIS = resolve(import.meta.dirname, '..', 'dist')
const work = mkdtempSync(join(tmpdir(), 'rinse-bytes-'))
const input = join(work, 'in')

function choosePages() {
  let files = pageFiles(values.dir)
  if (values.parts) {
    const parts = new Set(values.parts.split(','))
    files = files.filter((file) => parts.has(basename(resolve(file, '..'))))
  }
  files.sort((a, b) => (basename(a) < basename(b) ? -1 : 1))
  const limit = values.mb ? Number(values.mb) * 1e6 : Infinity
  mkdirSync(input)
  let bytes = 0
  let count = 0
  for (const file of files) {
    if (bytes >= limit) break
    copyFileSync(file, join(input, basename(file)))
    bytes += statSync(file).size
    count++
  }
  return {bytes, count}
}

/** Bytes of the files under a path (a file or a folder). */
function bytesOf(path) {
  let info
  try {
    info = statSync(path)
  } catch {
    return 0
  }
  if (!info.isDirectory()) return info.size
  let total = 0
  for (const entry of readdirSync(path, {recursive: true, withFileTypes: true}))
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size
  return total
}

function run(dist, out, extra = []) {
  const started = performance.now()
  execFileSync(process.execPath, [join(dist, 'cli', 'main.js'), 'run', input, '--out', out, '--workers', values.workers, ...extra], {
    stdio: 'ignore'
  })
  const seconds = (performance.now() - started) / 1000
  const sizes = {
    'report.json': bytesOf(join(out, 'report.json')),
    'OUT/.rinse': bytesOf(join(out, '.rinse')),
    'report.html': bytesOf(join(out, 'report.html')),
    'diffs/': bytesOf(join(out, 'diffs')),
    'cleaned/': bytesOf(join(out, 'cleaned'))
  }
  return {seconds, sizes}
}

/** Whether two folders hold the same files with the same bytes; the count of those that differ. */
function differing(a, b) {
  const list = (dir) =>
    readdirSync(dir, {recursive: true, withFileTypes: true})
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
      .sort()
  const left = list(a)
  const right = new Set(list(b))
  let count = left.length === right.size ? 0 : Math.abs(left.length - right.size)
  for (const name of left) if (!right.has(name) || !readFileSync(join(a, name)).equals(readFileSync(join(b, name)))) count++
  return count
}

function rebuildCheck(dist, out) {
  const cli = join(dist, 'cli', 'main.js')
  const hadDiffs = bytesOf(join(out, 'diffs')) > 0
  if (hadDiffs) renameSync(join(out, 'diffs'), join(work, 'diffs-written'))
  renameSync(join(out, 'report.html'), join(work, 'report-written.html'))
  execFileSync(process.execPath, [cli, 'diffs', out], {stdio: 'ignore'})
  execFileSync(process.execPath, [cli, 'report', out], {stdio: 'ignore'})
  const diffs = hadDiffs ? differing(join(out, 'diffs'), join(work, 'diffs-written')) : undefined
  const html = readFileSync(join(out, 'report.html')).equals(readFileSync(join(work, 'report-written.html')))
  const diffNote =
    diffs === undefined
      ? `diffs written (${mb(bytesOf(join(out, 'diffs'))).trim()} MB)`
      : diffs === 0
        ? 'diffs identical'
        : `${diffs} diffs differ`
  console.log(`rebuilt from OUT alone: ${diffNote}, report.html ${html ? 'identical' : 'differs'}`)
}

const mb = (n) => (n / 1e6).toFixed(1).padStart(8)
const ratio = (n, of) => `${(n / of).toFixed(2)}x`.padStart(7)

function print(label, result, inputBytes) {
  const {sizes, seconds} = result
  console.log(`\n${label} (${seconds.toFixed(1)} s)`)
  for (const [name, bytes] of Object.entries(sizes)) console.log(`  ${name.padEnd(12)} ${mb(bytes)} MB ${ratio(bytes, inputBytes)}`)
  const besides = sizes['report.json'] + sizes['OUT/.rinse'] + sizes['report.html'] + sizes['diffs/']
  const trail = sizes['report.json'] + sizes['OUT/.rinse']
  console.log(
    `  besides cleaned/: ${mb(besides)} MB ${ratio(besides, inputBytes)} (target at most 2x: ${besides <= 2 * inputBytes ? 'met' : 'not met'})`
  )
  console.log(
    `  report.json + OUT/.rinse: ${mb(trail)} MB ${ratio(trail, inputBytes)} (target at most 1x: ${trail <= inputBytes ? 'met' : 'not met'})`
  )
}

try {
  const {bytes, count} = choosePages()
  console.log(
    `input: ${count} pages, ${mb(bytes)} MB (${values.dir ?? `../shared/devset${values.parts ? ` parts ${values.parts}` : ''}`}), ${values.workers} workers`
  )
  const outThis = join(work, 'out-this')
  const flags = values['no-diffs'] ? ['--no-diffs'] : []
  const current = run(THIS, outThis, flags)
  if (values.other) {
    const outOther = join(work, 'out-other')
    const other = run(resolve(values.other), outOther, flags)
    print(`other build (${values.other})`, other, bytes)
    const changed = differing(join(outThis, 'cleaned'), join(outOther, 'cleaned'))
    console.log(`\ncleaned/ of the two builds: ${changed === 0 ? 'byte-identical' : `${changed} files differ`}`)
  }
  print('this build', current, bytes)
  if (values.rebuild) rebuildCheck(THIS, outThis)
} finally {
  if (values.keep) console.log(`\nkept: ${work}`)
  else rmSync(work, {recursive: true, force: true})
}
