import {existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {DEFAULT_PIPELINE_PATH, loadPipelineFile} from '../../src/index.js'
import {runJsonl} from '../../src/run/run-jsonl.js'
import {type Progress} from '../../src/run/batch.js'
import {readReport, rinse, tempDir} from '../helpers.js'

const records = [
  {id: 'a1', url: 'https://example.com/a', meta: {lang: 'en', tags: ['x']}, text: 'The vote passed.The mayor left.\n\nLeave a Reply\n'},
  {id: 'b2', text: 'Clean text stays as it is.\n', score: 0.5},
  'this line is not JSON',
  {id: 'c3', body: 'no text field here'},
  {id: 'd4', text: 'Home News Tram depot plan approved after...\n\nTram depot plan approved after long debate.\n'}
]
const jsonl = records.map((record) => (typeof record === 'string' ? record : JSON.stringify(record))).join('\n') + '\n'

describe('JSONL', () => {
  it('cleans the text field of every record, keeps other fields and order, passes bad lines through', async () => {
    const work = tempDir()
    writeFileSync(join(work, 'dump.jsonl'), jsonl)
    const out = join(work, 'out')
    const result = await rinse([
      'run',
      join(work, 'dump.jsonl'),
      '--out',
      out,
      '--format',
      'jsonl',
      '--text-field',
      'text',
      '--id-field',
      'id'
    ])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('rinse: dump.jsonl:3: not valid JSON')
    expect(result.stderr).toContain('rinse: dump.jsonl:4: no `text` field')
    const lines = readFileSync(join(out, 'cleaned', 'dump.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
    expect(lines).toHaveLength(5)
    expect(JSON.parse(lines[0]!)).toEqual({...(records[0] as object), text: 'The vote passed. The mayor left.\n'})
    expect(JSON.parse(lines[1]!)).toEqual(records[1])
    expect(lines[2]).toBe('this line is not JSON')
    expect(JSON.parse(lines[3]!)).toEqual(records[3])
    expect(JSON.parse(lines[4]!).text).toBe('Tram depot plan approved after long debate.\n')
    const report = readReport(out)
    expect(report.documents.map((document) => document.path)).toEqual(['dump.jsonl#a1', 'dump.jsonl#b2', 'dump.jsonl#d4'])
    expect(report.documents[0]!.edits.map((edit) => edit.rule)).toEqual(['glued-full-stop', 'comment-form'])

    const again = await rinse(['run', join(work, 'dump.jsonl'), '--out', out, '--format', 'jsonl', '--id-field', 'id'])
    expect(again.stdout).toContain('1 resumed')
    // Copied or touched, the dump is recognised by its content hash.
    utimesSync(join(work, 'dump.jsonl'), new Date(), new Date(Date.now() + 60_000))
    const touched = await rinse(['run', join(work, 'dump.jsonl'), '--out', out, '--format', 'jsonl', '--id-field', 'id'])
    expect(touched.stdout).toContain('1 resumed')
    // A JSONL run has no diffs to write later.
    const diffs = await rinse(['diffs', out])
    expect(diffs.code).toBe(2)
    expect(diffs.stderr).toContain('a JSONL run has no diffs')
  })

  it('cleans each record as itself when ids repeat (what collection did is kept by line, not by id)', async () => {
    const work = tempDir()
    const dump = [
      {id: 'same', text: 'The vote passed.The mayor left.\n\nLeave a Reply\n'},
      {id: 'same', text: 'Home News Tram depot plan approved after...\n\nTram depot plan approved after long debate.\n'},
      {id: 'same', text: 'Clean text stays as it is.\n'}
    ]
    writeFileSync(join(work, 'dump.jsonl'), dump.map((record) => JSON.stringify(record)).join('\n') + '\n')
    for (const workers of ['1', '2']) {
      const out = join(work, `out-${workers}`)
      const result = await rinse([
        'run',
        join(work, 'dump.jsonl'),
        '--out',
        out,
        '--format',
        'jsonl',
        '--id-field',
        'id',
        '--workers',
        workers
      ])
      expect(result.code, result.stderr).toBe(0)
      const texts = readFileSync(join(out, 'cleaned', 'dump.jsonl'), 'utf8')
        .trimEnd()
        .split('\n')
        .map((line) => (JSON.parse(line) as {text: string}).text)
      expect(texts).toEqual([
        'The vote passed. The mayor left.\n',
        'Tram depot plan approved after long debate.\n',
        'Clean text stays as it is.\n'
      ])
      // The spool of traces is gone once the run is done.
      expect(existsSync(join(out, '.rinse', 'traces.jsonl'))).toBe(false)
    }
  })

  it('reports a JSONL file that cannot be read and cleans the others', async () => {
    const work = tempDir()
    const input = join(work, 'dumps')
    mkdirSync(input)
    writeFileSync(join(input, 'a.jsonl'), JSON.stringify({id: 'a', text: 'The vote passed.The mayor left.\n'}) + '\n')
    // A link to a file that is gone: listed with the folder, but it cannot be read.
    symlinkSync(join(work, 'gone.jsonl'), join(input, 'b.jsonl'))
    const out = join(work, 'out')
    const result = await rinse(['run', input, '--out', out, '--format', 'jsonl', '--id-field', 'id'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('rinse: b.jsonl: cannot read the file (ENOENT)')
    expect(result.stderr).not.toContain('    at ')
    expect(JSON.parse(readFileSync(join(out, 'cleaned', 'a.jsonl'), 'utf8')).text).toBe('The vote passed. The mayor left.\n')
    expect(readReport(out).failures).toEqual([{path: 'b.jsonl', error: 'cannot read the file (ENOENT)'}])
    expect(existsSync(join(out, 'cleaned', 'b.jsonl'))).toBe(false)
  })

  it('cleans every record of many files, duplicates written too, and resumes them all', async () => {
    const work = tempDir()
    const input = join(work, 'in')
    mkdirSync(input)
    for (let f = 0; f < 40; f++) {
      const lines = [0, 1, 2].map((r) => JSON.stringify({id: `${f}-${r}`, text: `Story ${f}.${r} about the tram depot, told once.\n`}))
      writeFileSync(join(input, `part-${String(f).padStart(2, '0')}.jsonl`), lines.join('\n') + '\n')
    }
    const pipeline = await loadPipelineFile(DEFAULT_PIPELINE_PATH)
    const base = {
      input,
      out: join(work, 'out'),
      pipeline,
      workers: 1,
      html: false,
      textField: 'text',
      idField: 'id',
      duplicates: 'write' as const
    }
    const first = await runJsonl(base)
    expect(first.report.documents).toHaveLength(120)
    for (let f = 0; f < 40; f++) {
      const cleaned = readFileSync(join(work, 'out', 'cleaned', `part-${String(f).padStart(2, '0')}.jsonl`), 'utf8')
        .trimEnd()
        .split('\n')
      expect(cleaned.map((line) => JSON.parse(line).id)).toEqual([`${f}-0`, `${f}-1`, `${f}-2`])
    }
    // The batch is unchanged: its corpus indexes are taken as saved, so nothing is read to collect them again.
    const phases = new Set<string>()
    const again = await runJsonl({...base, onProgress: (progress) => phases.add(progress.phase)})
    expect(again.resumed).toBe(40)
    expect(again.report.documents).toHaveLength(120)
    expect([...phases]).not.toContain('collect')
    expect(again.report.clusters).toEqual(first.report.clusters)
  })

  it('with corpus stages, cleans a finished file again when the batch around it changed', async () => {
    const work = tempDir()
    const input = join(work, 'in')
    mkdirSync(input)
    // One line in five records recurs across the batch (the default needs 5 documents); with two fewer it is kept.
    const bodies = [
      'Trams will run every six minutes on the river line from March, the transport office said after a long review of the timetable.',
      'A new bus depot on the ring road was approved by the planning board, which had rejected two earlier designs for the site.',
      'The old stone bridge at Mill Lane closes for repairs in April; engineers found cracks in two of its arches during a survey.',
      'Families can borrow rackets and balls at three city parks this summer under a scheme paid for by a local sports charity.',
      'Two primary schools in the north of the city will share a head teacher from September, the education committee decided.'
    ]
    const record = (id: string, body: string): string => JSON.stringify({id, text: `Valley Courier regional desk\n\n${body}\n`})
    writeFileSync(join(input, 'a.jsonl'), [0, 1, 2].map((i) => record(`a${i}`, bodies[i]!)).join('\n') + '\n')
    writeFileSync(join(input, 'b.jsonl'), [3, 4].map((i) => record(`b${i}`, bodies[i]!)).join('\n') + '\n')
    const pipeline = await loadPipelineFile(DEFAULT_PIPELINE_PATH)
    const base = {input, out: join(work, 'out'), pipeline, workers: 1, html: false, textField: 'text', idField: 'id'}
    const cleanedA = (): string => readFileSync(join(work, 'out', 'cleaned', 'a.jsonl'), 'utf8')
    await runJsonl(base)
    expect(cleanedA()).not.toContain('Valley Courier regional desk')
    rmSync(join(input, 'b.jsonl'))
    const smaller = await runJsonl(base)
    expect(smaller.resumed).toBe(0)
    expect(cleanedA()).toContain('Valley Courier regional desk')
  })

  it('reports records through each collection pass, then cleaning, and stops while collecting on its signal', async () => {
    const work = tempDir()
    writeFileSync(join(work, 'dump.jsonl'), jsonl)
    const pipeline = await loadPipelineFile(DEFAULT_PIPELINE_PATH)
    const seen: Progress[] = []
    const base = {input: join(work, 'dump.jsonl'), pipeline, workers: 1, html: false, textField: 'text', idField: 'id'}
    await runJsonl({...base, out: join(work, 'out'), onProgress: (progress) => seen.push(progress)})
    const steps = [
      ...new Set(seen.map((progress) => `${progress.pass}/${progress.passes} ${progress.phase} ${progress.stage ?? ''}`.trim()))
    ]
    expect(steps).toEqual(['1/3 collect boilerplate', '2/3 collect dedup', '3/3 clean'])
    // Three records have a text field; each pass counts them as they come.
    expect(seen.filter((progress) => progress.pass === 1).map((progress) => progress.done)).toEqual([1, 2, 3])

    const stop = new AbortController()
    const stopped = await runJsonl({...base, out: join(work, 'stopped'), signal: stop.signal, onProgress: () => stop.abort()})
    expect(stopped.interrupted).toBe(true)
    expect(stopped.report.documents).toHaveLength(0)
    expect(existsSync(join(work, 'stopped', 'cleaned', 'dump.jsonl'))).toBe(false)
  })

  it('leaves the end of a text field as it is: a record is not a file', async () => {
    const input = JSON.stringify({id: 'e5', text: 'A plain sentence without a final newline.'}) + '\n'
    const result = await rinse(['clean', '--format', 'jsonl'], {input})
    expect(result.stdout).toBe(input)
    const work = tempDir()
    writeFileSync(join(work, 'one.jsonl'), input)
    await rinse(['run', join(work, 'one.jsonl'), '--out', join(work, 'out'), '--format', 'jsonl'])
    expect(readFileSync(join(work, 'out', 'cleaned', 'one.jsonl'), 'utf8')).toBe(input)
    const report = readReport(join(work, 'out'))
    expect(report.totals).toMatchObject({files: 1, changed: 0})
  })

  it('streams JSONL from standard input to standard output', async () => {
    const result = await rinse(['clean', '--format', 'jsonl'], {input: jsonl})
    const lines = result.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(5)
    expect(JSON.parse(lines[0]!).text).toBe('The vote passed. The mayor left.\n')
    expect(JSON.parse(lines[0]!).meta).toEqual({lang: 'en', tags: ['x']})
    expect(lines[2]).toBe('this line is not JSON')
    expect(result.stderr).toContain('<stdin>:3: not valid JSON')
    expect(result.code).toBe(1)
  })
})

describe('JSONL blank lines', () => {
  it('keeps blank lines, so each output line stays on the line of its input record (run and clean)', async () => {
    const work = tempDir()
    const dump = '{"text":"One.Two"}\n\n   \n{"text":"Three , four"}\n'
    writeFileSync(join(work, 'dump.jsonl'), dump)
    const run = await rinse(['run', join(work, 'dump.jsonl'), '--out', join(work, 'out'), '--format', 'jsonl', '--quiet'])
    expect(run.code).toBe(0)
    const expected = '{"text":"One. Two"}\n\n   \n{"text":"Three, four"}\n'
    expect(readFileSync(join(work, 'out', 'cleaned', 'dump.jsonl'), 'utf8')).toBe(expected)
    expect(readReport(join(work, 'out')).failures).toEqual([])
    const clean = await rinse(['clean', '--format', 'jsonl'], {input: dump})
    expect(clean.stdout).toBe(expected)
    expect(clean.code).toBe(0)
  })

  it("counts recurring lines per site, a record's site taken from its url field", async () => {
    const work = tempDir()
    const bodies = [
      'Trams will run every six minutes on the river line from March, the transport office said after a long review.',
      'A new bus depot on the ring road was approved by the planning board, which had rejected two earlier designs.',
      'The old stone bridge at Mill Lane closes for repairs in April; engineers found cracks in two of its arches.',
      'Families can borrow rackets and balls at three city parks this summer under a scheme paid for by a charity.',
      'Two primary schools in the north of the city will share a head teacher from September, the committee decided.',
      'The central library will open on Sunday afternoons from next month, after a petition gathered four thousand names.',
      'A farmers market returns to the old cattle yard every second Saturday, with twenty stalls booked for the first one.'
    ]
    // The masthead is on all five pages of a.example and on both pages of b.example: five pages of one site are a
    // template (the default needs five), two are not, though the batch holds the line seven times.
    const records = bodies.map((body, i) => ({
      id: `r${i}`,
      url: `https://${i < 5 ? 'a' : 'b'}.example/story-${i}`,
      text: `Harbour Ledger masthead\n\n${body}\n`
    }))
    writeFileSync(join(work, 'dump.jsonl'), records.map((record) => JSON.stringify(record)).join('\n') + '\n')
    const pipeline = await loadPipelineFile(DEFAULT_PIPELINE_PATH)
    await runJsonl({
      input: join(work, 'dump.jsonl'),
      out: join(work, 'out'),
      pipeline,
      workers: 1,
      html: false,
      textField: 'text',
      idField: 'id'
    })
    const texts = readFileSync(join(work, 'out', 'cleaned', 'dump.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => (JSON.parse(line) as {text: string}).text)
    expect(texts.map((text) => text.includes('Harbour Ledger masthead'))).toEqual([false, false, false, false, false, true, true])
    const report = readReport(join(work, 'out'))
    const removal = report.documents
      .find((document) => document.path === 'dump.jsonl#r0')!
      .edits.find((edit) => edit.rule === 'recurring-line')
    expect(removal?.reason).toMatch(/^line on 5 of 5 pages of a\.example\//)
  })
})
