import {execFileSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {cpSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {applyEdits} from '../../src/index.js'
import {listFiles, readReport, readStoredReport, rinse, SAMPLE, sampleCopy, tempDir} from '../helpers.js'

function treeHash(dir: string): string {
  const hash = createHash('sha256')
  for (const file of listFiles(dir)) hash.update(file).update(readFileSync(join(dir, file)))
  return hash.digest('hex')
}

describe('rinse run', () => {
  let work: string
  let input: string
  let out: string
  let first: Awaited<ReturnType<typeof rinse>>

  beforeAll(async () => {
    ;({work, input, out} = sampleCopy())
    first = await rinse(['run', input, '--out', out])
  })

  it('cleans every file into OUT/cleaned with the same relative paths, leaving the input untouched', () => {
    expect(first.code).toBe(0)
    expect(listFiles(join(out, 'cleaned'))).toEqual(listFiles(input))
    expect(treeHash(input)).toBe(treeHash(SAMPLE))
    expect(first.stdout).toMatch(/^rinse: 6 files \(6 changed, 0 failed\) · .* MB\/s\n$/)
  })

  it('writes a report whose edits, replayed on each input, give each cleaned file', () => {
    const report = readReport(out)
    expect(report.version).toBe(5)
    expect(report.documents.map((document) => document.path)).toEqual(listFiles(input).map((file) => file.split('\\').join('/')))
    for (const document of report.documents) {
      const original = readFileSync(join(input, document.path), 'utf8')
      const cleaned = readFileSync(join(out, 'cleaned', document.path), 'utf8')
      expect(applyEdits(original, document.edits)).toBe(cleaned)
      expect(document.bytesOut).toBe(Buffer.byteLength(cleaned))
      for (const edit of document.edits)
        expect(edit).toMatchObject({stage: expect.any(String), rule: expect.any(String), reason: expect.any(String)})
    }
    const total = Object.values(report.stats)
      .flatMap((rules) => Object.values(rules))
      .reduce((a, b) => a + b, 0)
    expect(total).toBe(report.totals.edits)
  })

  it('writes unified diffs that patch turns the input into the cleaned file', () => {
    const copy = join(work, 'patched')
    cpSync(input, copy, {recursive: true})
    for (const diff of listFiles(join(out, 'diffs'))) {
      execFileSync('patch', ['-p1', '-s', '-d', copy, '-i', join(out, 'diffs', diff)])
    }
    for (const file of listFiles(input)) {
      expect(readFileSync(join(copy, file), 'utf8')).toBe(readFileSync(join(out, 'cleaned', file), 'utf8'))
    }
  })

  it('is idempotent: cleaning its own output changes nothing', async () => {
    const again = join(work, 'again')
    const result = await rinse(['run', join(out, 'cleaned'), '--out', again])
    expect(result.code).toBe(0)
    const report = readReport(again)
    expect(report.totals.edits).toBe(0)
  })

  it('resumes: a re-run skips finished files and redoes changed ones, with the same result', async () => {
    const before = readStoredReport(out)
    const rerun = await rinse(['run', input, '--out', out])
    expect(rerun.stdout).toContain('6 resumed')
    // The same entries, read back from the report.json the manifest pointed into.
    const after = readStoredReport(out)
    expect(after.documents).toEqual(before.documents)
    expect(after.id).not.toBe(before.id)

    // A copied or touched file (new mtime, same bytes) is recognised by its content hash.
    const touched = join(input, listFiles(input)[0]!)
    utimesSync(touched, new Date(), new Date(Date.now() + 60_000))
    const retouched = await rinse(['run', input, '--out', out])
    expect(retouched.stdout).toContain('6 resumed')
    expect(readStoredReport(out).documents).toEqual(before.documents)

    // A crash can leave a torn last manifest line; a changed input is redone.
    writeFileSync(join(out, '.rinse', 'manifest.jsonl'), readFileSync(join(out, '.rinse', 'manifest.jsonl'), 'utf8') + '{"path": "torn')
    writeFileSync(join(input, 'heatwave.txt'), 'Leave a Reply\n\n' + readFileSync(join(input, 'heatwave.txt'), 'utf8'))
    const third = await rinse(['run', input, '--out', out])
    expect(third.stdout).toContain('5 resumed')
    expect(readFileSync(join(out, 'cleaned', 'heatwave.txt'), 'utf8')).not.toContain('Leave a Reply')

    const forced = await rinse(['run', input, '--out', out, '--force'])
    expect(forced.stdout).not.toContain('resumed')
  })
})

describe('rinse run resuming by content hash', () => {
  it('takes a touched file as done once, but cleans it again when its output is not the one recorded', async () => {
    const {input, out} = sampleCopy()
    const name = listFiles(input)[0]!
    const path = join(input, name)
    const original = readFileSync(path, 'utf8')
    await rinse(['run', input, '--out', out, '--no-html'])
    const cleaned = readFileSync(join(out, 'cleaned', name), 'utf8')
    const manifest = join(out, '.rinse', 'manifest.jsonl')

    // Touched: resumed, and recorded again with its new mtime.
    utimesSync(path, new Date(), new Date(Date.now() + 60_000))
    expect((await rinse(['run', input, '--out', out, '--no-html'])).stdout).toContain('6 resumed')
    const lines = readFileSync(manifest, 'utf8').trimEnd().split('\n')
    const line = lines.map((text) => JSON.parse(text) as {path: string; mtimeMs: number}).find((entry) => entry.path === name)
    expect(line!.mtimeMs).toBe(statSync(path).mtimeMs)

    // Edited and cleaned, then that manifest line lost (a crash), then the old bytes
    // back with a new mtime: the output on disk is the edited one's, so it is cleaned again.
    const before = readFileSync(manifest, 'utf8')
    const reportBefore = readFileSync(join(out, 'report.json'))
    writeFileSync(path, original + '\nThe council will meet again in the spring to vote on the final budget.\n')
    await rinse(['run', input, '--out', out, '--no-html'])
    expect(readFileSync(join(out, 'cleaned', name), 'utf8')).not.toBe(cleaned)
    // The crash came before report.json was written too: both are as they were.
    writeFileSync(manifest, before)
    writeFileSync(join(out, 'report.json'), reportBefore)
    writeFileSync(path, original)
    utimesSync(path, new Date(), new Date(Date.now() + 120_000))
    const rerun = await rinse(['run', input, '--out', out, '--no-html'])
    expect(rerun.stdout).toContain('5 resumed')
    expect(readFileSync(join(out, 'cleaned', name), 'utf8')).toBe(cleaned)
  })
})

describe('rinse run --no-diffs', () => {
  it('writes no diffs; rinse diffs writes the same ones later from report.json, and a run that wants diffs redoes files without one', async () => {
    const work = tempDir()
    const normal = await rinse(['run', SAMPLE, '--out', join(work, 'normal'), '--no-html'])
    const quick = await rinse(['run', SAMPLE, '--out', join(work, 'quick'), '--no-html', '--no-diffs'])
    expect([normal.code, quick.code]).toEqual([0, 0])
    expect(existsSync(join(work, 'quick', 'diffs'))).toBe(false)
    expect(treeHash(join(work, 'quick', 'cleaned'))).toBe(treeHash(join(work, 'normal', 'cleaned')))
    // A re-run with diffs off again has nothing to redo.
    expect((await rinse(['run', SAMPLE, '--out', join(work, 'quick'), '--no-html', '--no-diffs'])).stdout).toContain('6 resumed')

    const diffs = await rinse(['diffs', join(work, 'quick')])
    expect(diffs.code).toBe(0)
    expect(diffs.stdout).toContain('wrote 6 diffs')
    expect(treeHash(join(work, 'quick', 'diffs'))).toBe(treeHash(join(work, 'normal', 'diffs')))
    // The diffs exist now: a run that wants them redoes nothing.
    expect((await rinse(['run', SAMPLE, '--out', join(work, 'quick'), '--no-html'])).stdout).toContain('6 resumed')

    // Without `rinse diffs`, a run that wants diffs cleans again the files that lack one.
    await rinse(['run', SAMPLE, '--out', join(work, 'later'), '--no-html', '--no-diffs'])
    const later = await rinse(['run', SAMPLE, '--out', join(work, 'later'), '--no-html'])
    expect(later.stdout).not.toContain('resumed')
    expect(treeHash(join(work, 'later', 'diffs'))).toBe(treeHash(join(work, 'normal', 'diffs')))
  })

  it('names a cleaned file that no longer matches its edits, and writes the rest', async () => {
    const work = tempDir()
    const out = join(work, 'out')
    await rinse(['run', SAMPLE, '--out', out, '--no-html', '--no-diffs'])
    const [first] = listFiles(join(out, 'cleaned'))
    writeFileSync(join(out, 'cleaned', first!), 'edited by hand\n')
    const diffs = await rinse(['diffs', out])
    expect(diffs.code).toBe(1)
    expect(diffs.stderr).toContain(`rinse: ${first!.split('\\').join('/')}: the cleaned file does not match its edits`)
    expect(diffs.stdout).toContain('wrote 5 diffs')
  })
})

describe('rinse run with a worker pool', () => {
  it('gives the same files and report as a run in one thread', async () => {
    const work = tempDir()
    const one = await rinse(['run', SAMPLE, '--out', join(work, 'one'), '--workers', '1', '--no-html'])
    const two = await rinse(['run', SAMPLE, '--out', join(work, 'two'), '--workers', '2', '--no-html'])
    // The messages say what went wrong if this ever fails (it failed once, in a full run, unexplained).
    expect(one.code, one.stderr).toBe(0)
    expect(two.code, two.stderr).toBe(0)
    expect(listFiles(join(work, 'two', 'cleaned'))).toEqual(listFiles(join(work, 'one', 'cleaned')))
    for (const name of listFiles(join(work, 'one', 'cleaned')))
      expect(readFileSync(join(work, 'two', 'cleaned', name), 'utf8'), name).toBe(readFileSync(join(work, 'one', 'cleaned', name), 'utf8'))
    expect(treeHash(join(work, 'two', 'cleaned'))).toBe(treeHash(join(work, 'one', 'cleaned')))
    expect(treeHash(join(work, 'two', 'diffs'))).toBe(treeHash(join(work, 'one', 'diffs')))
    const documents = (dir: string) => readReport(join(work, dir)).documents.map(({ms: _ms, ...rest}) => rest)
    expect(documents('two')).toEqual(documents('one'))
  })
})

describe('rinse run review gates and report.html', () => {
  it('writes report.html, rebuilds it with rinse report, and flags files that lost too much', async () => {
    const work = tempDir()
    const out = join(work, 'out')
    const gated = await rinse(['run', SAMPLE, '--out', out, '--fail-on-removed-share', '0.15'])
    expect(gated.code).toBe(3)
    const report = readReport(out)
    const over = report.documents.filter((document) => 1 - document.bytesOut / document.bytesIn > 0.15).map((document) => document.path)
    expect(over.length).toBeGreaterThan(0)
    for (const path of over) expect(gated.stderr).toContain(`rinse: ${path}: lost `)
    const html = readFileSync(join(out, 'report.html'), 'utf8')
    expect(html).toContain('id="rinse-data"')
    writeFileSync(join(out, 'report.html'), 'stale')
    const rebuilt = await rinse(['report', out])
    expect(rebuilt.code).toBe(0)
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toBe(html)
    const lenient = await rinse(['run', SAMPLE, '--out', out, '--fail-on-removed-share', '0.9', '--no-html'])
    expect(lenient.code).toBe(0)
  })
})

describe('rinse run on bad input', () => {
  it('names each bad file and its problem, cleans the rest, and exits 1', async () => {
    const work = tempDir()
    const input = join(work, 'in')
    mkdirSync(join(input, 'sub'), {recursive: true})
    writeFileSync(join(input, 'good.txt'), 'A plain article paragraph that ends well.\n\nLeave a Reply\n')
    writeFileSync(join(input, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]))
    writeFileSync(join(input, 'latin1.txt'), Buffer.from('caf\xe9 au lait\n', 'latin1'))
    writeFileSync(join(input, 'empty.txt'), '')
    writeFileSync(join(input, 'utf16.txt'), Buffer.from('\ufeffUTF-16 text from an old export tool.\n', 'utf16le'))
    symlinkSync(join(input, 'missing-target.txt'), join(input, 'sub', 'dangling.txt'))
    const paragraphs = Array.from({length: 1500}, (_, i) =>
      `Paragraph ${i} of a long scraped text, item ${i * 7} of the series, keeps going. `.repeat(30)
    )
    writeFileSync(join(input, 'big.txt'), paragraphs.join('\n\n'))
    const out = join(work, 'out')
    const result = await rinse(['run', input, '--out', out])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('binary.txt: binary file, not text (NUL byte at offset 4)')
    expect(result.stderr).toContain('latin1.txt: invalid UTF-8 at byte 3')
    // An empty file is a document with no text, not bad input (a cleaned file can be empty).
    expect(result.stderr).not.toContain('empty.txt')
    expect(readFileSync(join(out, 'cleaned', 'empty.txt'), 'utf8')).toBe('')
    expect(result.stderr).toContain(
      'utf16.txt: UTF-16 text (little-endian byte order mark), not UTF-8; convert the file first (e.g. iconv -f UTF-16 -t UTF-8)'
    )
    expect(result.stderr).toMatch(/sub\/dangling\.txt: cannot read the file \(ENOENT\)/)
    expect(readFileSync(join(out, 'cleaned', 'good.txt'), 'utf8')).toBe('A plain article paragraph that ends well.\n')
    expect(statSync(join(out, 'cleaned', 'big.txt')).size).toBeGreaterThan(3_000_000)
    const report = readReport(out)
    expect(report.failures.map((failure) => failure.path)).toEqual(['binary.txt', 'latin1.txt', 'sub/dangling.txt', 'utf16.txt'])
    expect(report.totals).toMatchObject({files: 7, failed: 4})
  })

  it('refuses to write into its input', async () => {
    const work = tempDir()
    const input = join(work, 'in')
    mkdirSync(input)
    writeFileSync(join(input, 'a.txt'), 'Text.\n')
    const same = await rinse(['run', input, '--out', input])
    expect(same.code).toBe(2)
    expect(same.stderr).toContain('--out must not be the input folder')
    const inside = await rinse(['run', input, '--out', join(input, 'out')])
    expect(inside.code).toBe(2)
    expect(inside.stderr).toContain('--out must not be inside the input folder')
    expect(listFiles(input)).toEqual(['a.txt'])
  })
})

describe('rinse help, explain and clean', () => {
  it('explains every option', async () => {
    const help = await rinse(['run', '--help'])
    for (const option of ['--out', '--pipeline', '--concurrency', '--force', '--ext', '--quiet']) expect(help.stdout).toContain(option)
    const top = await rinse(['--help'])
    for (const command of ['run', 'explain', 'clean']) expect(top.stdout).toContain(command)
  })

  it('prints messages for one file in the vfile-reporter style', async () => {
    const work = tempDir()
    const file = join(work, 'page.txt')
    writeFileSync(file, 'It was agreed at the meeting.The mayor left.\n\nLeave a Reply\n')
    const result = await rinse(['explain', file])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/1:30\s+info\s+missing space after the end of a sentence\s+glued-full-stop\s+rinse-repair/)
    expect(result.stdout).toMatch(/1:45-3:14\s+info\s+comment form prompt\s+comment-form\s+rinse-boilerplate/)
  })

  it('cleans standard input to standard output', async () => {
    const result = await rinse(['clean'], {input: 'Source link\n\nA sentence.The next one.\n'})
    expect(result.stdout).toBe('A sentence. The next one.\n')
  })
})

describe('file names on the terminal', () => {
  it('prints a failing file whose name holds control characters with them escaped', async () => {
    const work = tempDir()
    const input = join(work, 'in')
    mkdirSync(input)
    const name = 'red\u001b[31mname\nline.txt'
    writeFileSync(join(input, name), Buffer.from([0x00, 0x01]))
    const result = await rinse(['run', input, '--out', join(work, 'out'), '--quiet'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('rinse: red\\u001b[31mname\\nline.txt: binary file, not text (NUL byte at offset 0)')
    expect(result.stderr).not.toContain('\u001b')
  })
})
