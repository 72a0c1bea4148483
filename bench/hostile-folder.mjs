#!/usr/bin/env node
// A batch with hostile files in it: real pages (the raw pages of ../shared/devset, or the
// .txt files of --from), each lightly changed, repeated to --mb megabytes, with --share of
// the files replaced by hostile ones: protein and DNA sequences on one line, glued
// capitals, a 200,000-line file, a 60 MB prose file (--big), names of 250 bytes, control
// characters in names, binary and UTF-16 files, folders no one may list (chmod 000; as
// root, whom that does not stop, rinse runs as the user nobody). Prints the time, the exit
// code, and that every hostile file is cleaned or listed as failed while every real page is cleaned.
//   npm run build && node bench/hostile-folder.mjs [--mb 200] [--share 0.01] [--workers 2] [--big] [--keep]
import {spawnSync} from 'node:child_process'
import {chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parseArgs} from 'node:util'
import {pageFiles} from './devset-pages.mjs'

const {values} = parseArgs({
  options: {
    mb: {type: 'string', default: '200'},
    share: {type: 'string', default: '0.01'},
    workers: {type: 'string', default: '2'},
    from: {type: 'string'},
    big: {type: 'boolean'},
    keep: {type: 'boolean'}
  }
})
const sources = pageFiles(values.from)
const texts = sources.map((file) => readFileSync(file, 'utf8'))

let seed = 7
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
const letters = (alphabet, n) => Array.from({length: n}, () => alphabet[Math.floor(random() * alphabet.length)]).join('')
const hostile = [
  () => ['protein.txt', letters('ACDEFGHIKLMNPQRSTVWY', 600) + '\n'],
  // A folder holding a page, made unreadable once written.
  () => ['locked/', 'A page in a folder no one may list.\n'],
  () => ['dna.txt', letters('ACGT', 4000) + '\n'],
  () => ['glued.txt', 'WordWord'.repeat(400) + '\n'],
  () => ['lines.txt', Array.from({length: 200_000}, (_, i) => `line ${i} of a file with no blank line`).join('\n') + '\n'],
  () => [`${'長'.repeat(80)}.txt`, 'A page whose name is 243 bytes long.\n'],
  () => ['ctrl\u001b[31m\nname.txt', 'A page whose name holds an escape and a newline.\n'],
  () => ['binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3])],
  () => ['utf16.txt', Buffer.from('\ufeffUTF-16 text.\n', 'utf16le')]
]

// Root reads any folder: as root the run is made as nobody (uid 65534), as the CLI test does.
const asUser = process.getuid?.() === 0 ? {uid: 65534, gid: 65534} : {}
const cli = new URL('../dist/cli/main.js', import.meta.url).pathname
const canLock = process.getuid?.() !== 0 || spawnSync(process.execPath, [cli, '--version'], asUser).status === 0
const locked = []

const work = mkdtempSync(join(tmpdir(), 'rinse-hostile-'))
// Open to the user the run is made as (OUT is made in it).
chmodSync(work, 0o777)
const input = join(work, 'in')
mkdirSync(input)
let bytes = 0
let pages = 0
let hostiles = 0
const every = Math.max(1, Math.round(1 / Number(values.share)))
for (let i = 0; bytes < Number(values.mb) * 1e6; i++) {
  const folder = join(input, `site-${i % 20}`)
  mkdirSync(folder, {recursive: true})
  if (i % every === every - 1) {
    const [name, content] = hostile[hostiles++ % hostile.length]()
    if (name.endsWith('/')) {
      if (!canLock) continue
      const dir = join(folder, `${i}-${name}`)
      mkdirSync(dir)
      writeFileSync(join(dir, 'page.txt'), content)
      chmodSync(dir, 0)
      locked.push(dir)
    } else writeFileSync(join(folder, `${i}-${name}`), content)
    bytes += Buffer.byteLength(content)
    continue
  }
  const text = texts[i % texts.length].replace(/\b(the|a)\b/, `$1 ${i}`)
  writeFileSync(join(folder, `doc-${i}.txt`), text)
  bytes += Buffer.byteLength(text)
  pages++
}
if (values.big) {
  const paragraph = 'The council met on Tuesday to discuss the budget, and the debate went on late into the night. '.repeat(8) + '\n\n'
  const big = paragraph.repeat(Math.ceil(60e6 / paragraph.length))
  writeFileSync(join(input, 'big-prose.txt'), big)
  bytes += big.length
  hostiles++
}
console.log(
  `${pages} pages and ${hostiles} hostile files (${locked.length} of them unreadable folders), ${(bytes / 1e6).toFixed(0)} MB, in ${input}`
)
if (!canLock) console.log('no unreadable folders: the user nobody cannot run the CLI from this checkout')

const t0 = performance.now()
// Not --quiet: stderr has one line per failure and the summary (report.json of a large batch
// is larger than a string can hold, so it is not read here).
const run = spawnSync(process.execPath, [cli, 'run', input, '--out', join(work, 'out'), '--workers', values.workers], {
  encoding: 'utf8',
  maxBuffer: 256e6,
  ...(canLock ? asUser : {})
})
const seconds = (performance.now() - t0) / 1000
console.log(`rinse run: exit ${run.status}, ${seconds.toFixed(1)} s, ${(bytes / 1e6 / seconds).toFixed(2)} MB/s`)
const lines = (run.stderr + '\n' + run.stdout).split('\n').filter((line) => line.startsWith('rinse: '))
console.log(lines.filter((line) => !/^rinse: \d+ files/.test(line)).join('\n'))
console.log(lines.find((line) => /^rinse: \d+ files/.test(line)) ?? '(no summary line)')
const cleaned = readdirSync(join(work, 'out', 'cleaned'), {recursive: true}).filter((name) => /doc-\d+\.txt$/.test(String(name))).length
console.log(`real pages cleaned: ${cleaned} of ${pages}`)
if (run.stderr.includes('    at ')) console.log('a stack trace was printed:\n' + run.stderr.slice(0, 4000))
const outBytes = spawnSync('du', ['-sb', join(work, 'out')], {encoding: 'utf8'}).stdout.split('\t')[0]
console.log(`OUT holds ${(Number(outBytes) / 1e6).toFixed(0)} MB`)
for (const dir of locked) chmodSync(dir, 0o755)
if (!values.keep) rmSync(work, {recursive: true, force: true})
