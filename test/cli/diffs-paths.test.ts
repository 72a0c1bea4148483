import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {listFiles, readStoredReport, rinse, sampleCopy} from '../helpers.js'

describe('rinse diffs OUT: paths from report.json', () => {
  it('refuses a document path that leaves OUT (.., absolute, NUL), listing it as a failure, and writes the others', async () => {
    const {work, input, out} = sampleCopy()
    const run = await rinse(['run', input, '--out', out, '--no-diffs', '-q'])
    expect(run.code).toBe(0)
    const report = readStoredReport(out)
    const good = report.documents.filter((document) => !document.dropped && document.edits.length > 0)
    expect(good.length).toBeGreaterThan(0)
    const model = good[0]!
    // The cleaned text where `../../victim/pwned.txt` leads from OUT/cleaned: the old
    // code found it there and wrote its diff beside it, outside OUT.
    const victim = join(work, 'victim')
    mkdirSync(victim)
    writeFileSync(join(victim, 'pwned.txt'), readFileSync(join(out, 'cleaned', model.path)))
    const bad = ['../../victim/pwned.txt', join(victim, 'abs.txt'), '/../../../victim/root.txt', 'sub/a\u0000.txt', 'x/..']
    report.documents.push(...bad.map((path) => ({...model, path})))
    writeFileSync(join(out, 'report.json'), JSON.stringify(report))

    const result = await rinse(['diffs', out])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe(`rinse: wrote ${good.length} diffs to ${join(out, 'diffs')}\n`)
    const lines = result.stderr.trimEnd().split('\n')
    expect(lines).toEqual([
      'rinse: ../../victim/pwned.txt: not written: report.json names a path outside OUT/cleaned',
      `rinse: ${join(victim, 'abs.txt')}: not written: report.json names an absolute path, not relative to the input folder`,
      'rinse: /../../../victim/root.txt: not written: report.json names an absolute path, not relative to the input folder',
      'rinse: sub/a\\u0000.txt: not written: report.json names a NUL byte in the path',
      'rinse: x/..: not written: report.json names a path outside OUT/cleaned'
    ])
    expect(readdirSync(victim)).toEqual(['pwned.txt'])
    expect(listFiles(join(out, 'diffs'))).toEqual(good.map((document) => `${document.path}.diff`).sort())
    expect(existsSync(join(work, 'victim', 'pwned.txt.diff'))).toBe(false)
  })
})
