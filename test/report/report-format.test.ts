/**
 * report.json version 5: every edit a self-describing object (a change made the
 * same way at several places once, with its places; the edits it folded in with
 * their places in its text) that replays to the cleaned text exactly and keeps
 * every change attributed, folded ones included; the compact form readers work
 * with keeps that; the diffs and the page are rebuilt from OUT alone as the run
 * wrote them; the resume manifest points into report.json instead of copying it;
 * reports of versions 1 to 4 are still read.
 */
import {mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {applyEdits} from '../../src/engine/apply-edits.js'
import {pointFinder, reportEdits} from '../../src/engine/clean-document.js'
import {EditLog} from '../../src/engine/edit-log.js'
import type {Edit, ProposedEdit} from '../../src/engine/types.js'
import {compactDocument, compactEntry, expandEdits, originalOf, placedEdits, reportEntry} from '../../src/report/compact.js'
import {mapReportDocuments} from '../../src/report/read-report.js'
import type {ReportEntry} from '../../src/report/schema.js'
import {listFiles, prng, readStoredReport, rinse, SAMPLE, tempDir} from '../helpers.js'
import {pageDataJson} from '../report-html/page-data.js'

/** Random sorted, non-overlapping edits over a random text, with the quirks the format has rules for. */
function randomDocument(seed: number): {original: string; edits: Edit[]} {
  const random = prng(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const pieces = ['word ', 'Share this\n', '    ', '\n\n', 'é ', '🐦 ', '\t', ' ', 'Home | News\n']
  let original = ''
  while (original.length < 400) original += pick(pieces)
  const point = pointFinder(original)
  const rules = [
    ['normalize', 'line-trim', 'whitespace at the start or end of a line'],
    ['boilerplate', 'block-classifier', 'scored as boilerplate (short-fragment)'],
    ['boilerplate', 'block-classifier', 'scored as boilerplate (menu-line)'],
    ['repair', 'glued-words', '`a` and `b` glued together']
  ] as const
  const edits: Edit[] = []
  let at = 0
  while (at < original.length) {
    // Often touching the previous edit (gap 0), so that merging is exercised.
    const start = Math.min(original.length, at + (random() < 0.4 ? 0 : Math.floor(random() * 12)))
    const end = Math.min(original.length, start + Math.floor(random() * 9))
    const [stage, rule, reason] = pick(rules)
    const after = random() < 0.6 ? '' : pick(['', ' ', 'x', '\n', 'ü'])
    if (start === end && after === '') {
      at = start + 1
      continue
    }
    const before = original.slice(start, end)
    const edit: Edit = {stage, rule, reason, before, after, start: point(start), end: point(end)}
    if (before.length > 2 && random() < 0.2)
      edit.folded = [
        {stage: 'normalize', rule: 'space-run', reason: 'run of spaces', before: before.slice(1, 2), after: '', offset: start + 1}
      ]
    edits.push(edit)
    at = Math.max(end, start + 1)
  }
  return {original, edits}
}

describe('report.json entries and the compact form', () => {
  it('stores edits that rebuild the original and replay to the cleaned text exactly, through JSON', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const {original, edits} = randomDocument(seed)
      const cleaned = applyEdits(original, edits)
      const entry = JSON.parse(
        JSON.stringify(reportEntry({path: 'x.txt', bytesIn: 0, bytesOut: 0, ms: 0, edits, conflicts: []}))
      ) as ReportEntry
      const placed = placedEdits(entry.edits)
      expect(applyEdits(original, placed)).toBe(cleaned)
      const read = compactEntry(entry)
      expect(originalOf(cleaned, read.edits)).toBe(original)
      const expanded = expandEdits(read, original)
      expect(applyEdits(original, expanded)).toBe(cleaned)
      // Touching edits of one rule and reason are merged; positions, lines and columns stay true.
      expect(expanded.length).toBeLessThanOrEqual(edits.length)
      const point = pointFinder(original)
      for (const edit of expanded) {
        expect(edit.start).toEqual(point(edit.start.offset))
        expect(edit.end).toEqual(point(edit.end.offset))
        for (const folded of edit.folded ?? []) expect(edit.before).toContain(folded.before)
      }
      // Every change stays attributed: the characters each rule changed are the same.
      const changedBy = (list: readonly Edit[]): string[] =>
        list.flatMap((edit) =>
          Array.from({length: edit.end.offset - edit.start.offset}, (_, k) => `${edit.start.offset + k}:${edit.rule}/${edit.reason}`)
        )
      expect(changedBy(expanded)).toEqual(changedBy(edits))
      // The entry as stored and the compact form say the same (the entry stores no columns).
      const withoutColumns = (edit: Edit): Edit => ({...edit, start: {...edit.start, column: 0}, end: {...edit.end, column: 0}})
      expect(placed).toEqual(expanded.map(withoutColumns))
      // A change made the same way at several places is stored once.
      expect(entry.edits.length).toBeLessThanOrEqual(placed.length)
    }
  })

  it('stores a change made the same way at several places once, with its places, and leaves out end and an empty after', () => {
    const original = '  One.\n  Two.\n  Three.\n'
    const point = pointFinder(original)
    const trim = (at: number): Edit => ({
      stage: 'normalize',
      rule: 'line-trim',
      reason: 'indentation',
      before: '  ',
      after: '',
      start: point(at),
      end: point(at + 2)
    })
    const glue: Edit = {stage: 'repair', rule: 'x', reason: 'y', before: 'T', after: 't', start: point(9), end: point(10)}
    const entry = reportEntry({path: 'a.txt', bytesIn: 0, bytesOut: 0, ms: 0, edits: [trim(0), trim(7), glue, trim(14)], conflicts: []})
    expect(entry.edits).toEqual([
      {
        stage: 'normalize',
        rule: 'line-trim',
        reason: 'indentation',
        before: '  ',
        start: {line: 1, offset: 0},
        also: [
          [2, 7],
          [3, 14]
        ]
      },
      {stage: 'repair', rule: 'x', reason: 'y', before: 'T', after: 't', start: {line: 2, offset: 9}}
    ])
    expect(applyEdits(original, placedEdits(entry.edits))).toBe('One.\ntwo.\nThree.\n')
  })

  it('in the compact form, writes spaces as a count and leaves out an empty after', () => {
    const original = 'Title      \nShare this\nBody.\n'
    const point = pointFinder(original)
    const edits: Edit[] = [
      {stage: 'normalize', rule: 'line-trim', reason: 'trailing', before: '      ', after: '', start: point(5), end: point(11)},
      {stage: 'boilerplate', rule: 'share-bar', reason: 'share', before: 'Share this\n', after: '', start: point(12), end: point(23)}
    ]
    const stored = compactDocument({path: 'a.txt', bytesIn: 0, bytesOut: 0, ms: 0, edits, conflicts: []})
    expect(stored.edits).toEqual([
      [0, 5, 6],
      [1, 1, 'Share this\n']
    ])
    expect(stored.rules).toEqual([
      ['normalize', 'line-trim', 'trailing'],
      ['boilerplate', 'share-bar', 'share']
    ])
  })
})

const STAGES = ['normalize', 'boilerplate', 'repair', 'dedup']

/**
 * A random document cleaned through the edit log by four stages (normalize
 * deleting runs of spaces, boilerplate removing lines for one of two reasons,
 * repair replacing, dedup removing), so that edits fold into later ones as in a run.
 */
function loggedDocument(seed: number): {original: string; edits: Edit[]} {
  const random = prng(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  let original = ''
  while (original.length < 300) original += pick(['  ', '   ', 'word ', 'menu', '\n', '\n  ', 'é', '🐦'])
  const log = new EditLog(original)
  const propose = (text: string, make: (start: number) => ProposedEdit | undefined): ProposedEdit[] => {
    const proposed: ProposedEdit[] = []
    let cursor = 0
    while (cursor < text.length) {
      const edit = make(cursor)
      if (!edit) break
      proposed.push(edit)
      cursor = Math.max(edit.end, edit.start + 1)
    }
    return proposed
  }
  // normalize: runs of spaces to one space or nothing.
  const spaces = [...log.text.matchAll(/ {2,}/g)]
  log.apply(
    'normalize',
    spaces.map((m) => {
      const rule = random() < 0.5 ? 'line-trim' : 'space-run'
      return {start: m.index, end: m.index + m[0].length, replacement: rule === 'line-trim' ? '' : ' ', rule, reason: rule}
    })
  )
  // boilerplate: whole lines, often neighbours, for one of two reasons.
  const lines = [...log.text.matchAll(/[^\n]*\n/g)]
  log.apply(
    'boilerplate',
    lines
      .filter(() => random() < 0.5)
      .map((m) => ({start: m.index, end: m.index + m[0].length, replacement: '', rule: 'block', reason: pick(['short', 'menu'])}))
  )
  for (const [stage, replacement] of [
    ['repair', 'X'],
    ['dedup', '']
  ] as const) {
    const text = log.text
    log.apply(
      stage,
      propose(text, (cursor) => {
        const start = cursor + Math.floor(random() * 20)
        if (start >= text.length) return undefined
        return {start, end: Math.min(text.length, start + 1 + Math.floor(random() * 6)), replacement, rule: stage, reason: stage}
      })
    )
  }
  return {original, edits: reportEdits(log, pointFinder(original))}
}

/**
 * Whether every edit the log made is still in `read`: a top-level one inside a
 * top-level edit of the same stage, rule and reason (merged with neighbours
 * that say the same), or folded into a later stage's edit, with its place and
 * text; every folded one folded, with its place, text and product. The list of
 * those missing (empty when none is).
 */
function missingEdits(made: readonly Edit[], read: readonly Edit[]): string[] {
  const folded = new Set(foldedEdits(read))
  const missing: string[] = []
  const say = (edit: Pick<Edit, 'stage' | 'rule' | 'reason' | 'before' | 'after'>, offset: number): string =>
    JSON.stringify([offset, edit.before, edit.after, edit.stage, edit.rule, edit.reason])
  for (const edit of made) {
    const start = edit.start.offset
    const end = edit.end.offset
    const kept = read.some(
      (r) =>
        r.stage === edit.stage &&
        r.rule === edit.rule &&
        r.reason === edit.reason &&
        r.start.offset <= start &&
        end <= r.end.offset &&
        r.before.slice(start - r.start.offset, end - r.start.offset) === edit.before
    )
    if (!kept && !(edit.after === '' && folded.has(say(edit, start)))) missing.push(say(edit, start))
    for (const inner of edit.folded ?? []) if (!folded.has(say(inner, inner.offset))) missing.push(say(inner, inner.offset))
  }
  return missing
}

/** Every folded edit as a string: where, what it replaced, what it made of it, and which rule. */
function foldedEdits(edits: readonly Edit[]): string[] {
  return edits
    .flatMap((edit) =>
      (edit.folded ?? []).map((inner) => JSON.stringify([inner.offset, inner.before, inner.after, inner.stage, inner.rule, inner.reason]))
    )
    .sort()
}

describe('folded edits (version 5)', () => {
  it('keep every edit the log made (folded ones with their places) and replay exactly, through JSON', () => {
    let folded = 0
    let merged = 0
    for (let seed = 1; seed <= 150; seed++) {
      const {original, edits} = loggedDocument(seed)
      const cleaned = applyEdits(original, edits)
      const entry = JSON.parse(
        JSON.stringify(reportEntry({path: 'x.txt', bytesIn: 0, bytesOut: 0, ms: 0, edits, conflicts: []}, STAGES))
      ) as ReportEntry
      const placed = placedEdits(entry.edits)
      expect(applyEdits(original, placed)).toBe(cleaned)
      expect(originalOf(cleaned, compactEntry(entry).edits)).toBe(original)
      // Every edit the log made, top-level or folded, is still there with its rule, reason, place and text.
      expect(missingEdits(edits, placed)).toEqual([])
      expect(missingEdits(edits, expandEdits(compactEntry(entry), original))).toEqual([])
      for (const edit of placed)
        for (const inner of edit.folded ?? []) expect(original.slice(inner.offset, inner.offset + inner.before.length)).toBe(inner.before)
      // Stored without their text: a place in the folding edit's before.
      for (const stored of entry.edits)
        for (const inner of stored.folded ?? []) {
          expect(Object.keys(inner)).not.toContain('before')
          for (const [at, length] of inner.at) expect(at + length).toBeLessThanOrEqual(stored.before.length)
        }
      folded += foldedEdits(edits).length
      merged += edits.length - placed.length
    }
    // The generator did fold and merge.
    expect(folded).toBeGreaterThan(100)
    expect(merged).toBeGreaterThan(100)
  })

  it('store the same change folded at several places once, with each place', () => {
    const original = 'Log  in  here\nBody.\n'
    const point = pointFinder(original)
    const run = (at: number) => ({stage: 'normalize', rule: 'space-run', reason: 'run of spaces', before: '  ', after: ' ', offset: at})
    const removal: Edit = {
      stage: 'boilerplate',
      rule: 'login',
      reason: 'login prompt',
      before: 'Log  in  here\n',
      after: '',
      start: point(0),
      end: point(14),
      folded: [run(3), run(7)]
    }
    const entry = reportEntry({path: 'a.txt', bytesIn: 0, bytesOut: 0, ms: 0, edits: [removal], conflicts: []})
    expect(entry.edits[0]!.folded).toEqual([
      {
        stage: 'normalize',
        rule: 'space-run',
        reason: 'run of spaces',
        after: ' ',
        at: [
          [3, 2],
          [7, 2]
        ]
      }
    ])
    expect(placedEdits(entry.edits)[0]!.folded).toEqual([run(3), run(7)])
  })

  it('fold deletions of earlier stages between two edits of one rule and reason into one edit, and nothing else', () => {
    // Indented lines: normalize trims each line's indentation, the classifier removes two lines, dedup a third.
    const original = '  Menu\n  Login\n  Body text.\n  Copy\n  Copy\n'
    const point = pointFinder(original)
    const make = (stage: string, rule: string, start: number, end: number): Edit => ({
      stage,
      rule,
      reason: rule,
      before: original.slice(start, end),
      after: '',
      start: point(start),
      end: point(end)
    })
    const edits = [
      make('normalize', 'line-trim', 0, 2),
      make('boilerplate', 'block', 2, 7),
      make('normalize', 'line-trim', 7, 9),
      make('boilerplate', 'block', 9, 15),
      make('normalize', 'line-trim', 15, 17),
      make('normalize', 'line-trim', 28, 30),
      make('boilerplate', 'block', 30, 35),
      make('normalize', 'line-trim', 35, 37),
      make('dedup', 'block', 37, 42)
    ]
    const entry = reportEntry({path: 'a.txt', bytesIn: 0, bytesOut: 0, ms: 0, edits, conflicts: []}, STAGES)
    const placed = placedEdits(entry.edits)
    expect(applyEdits(original, placed)).toBe('Body text.\n')
    expect(placed.map((edit) => [edit.stage, edit.rule, edit.start.offset, edit.before])).toEqual([
      ['normalize', 'line-trim', 0, '  '],
      // The indentation between the two removed lines is folded in: one removal.
      ['boilerplate', 'block', 2, 'Menu\n  Login\n'],
      // A kept line's indentation, and the first of a run's, stay edits of their own.
      ['normalize', 'line-trim', 15, '  '],
      ['normalize', 'line-trim', 28, '  '],
      // Not across another stage's removal, nor into a later stage's edit.
      ['boilerplate', 'block', 30, 'Copy\n'],
      ['normalize', 'line-trim', 35, '  '],
      ['dedup', 'block', 37, 'Copy\n']
    ])
    expect(placed[1]!.folded).toEqual([{stage: 'normalize', rule: 'line-trim', reason: 'line-trim', before: '  ', after: '', offset: 7}])
    expect(missingEdits(edits, placed)).toEqual([])
    // Without the pipeline's order nothing is folded (a later stage's deletion is never folded into an earlier one's edit).
    expect(placedEdits(reportEntry({path: 'a.txt', bytesIn: 0, bytesOut: 0, ms: 0, edits, conflicts: []}).edits)).toHaveLength(9)
    // A long deletion (a centred page's indentation) stays an edit of its own, stored once with its places.
    const wide = ' '.repeat(200)
    const centred = `${wide}Menu\n${wide}Login\n`
    const at = (start: number, end: number, stage: string, rule: string): Edit => ({
      stage,
      rule,
      reason: rule,
      before: centred.slice(start, end),
      after: '',
      start: pointFinder(centred)(start),
      end: pointFinder(centred)(end)
    })
    const long = [
      at(0, 200, 'normalize', 'line-trim'),
      at(200, 205, 'boilerplate', 'block'),
      at(205, 405, 'normalize', 'line-trim'),
      at(405, 411, 'boilerplate', 'block')
    ]
    const stored = reportEntry({path: 'b.txt', bytesIn: 0, bytesOut: 0, ms: 0, edits: long, conflicts: []}, STAGES).edits
    expect(stored.map((edit) => [edit.rule, edit.start.offset, edit.also ?? []])).toEqual([
      ['line-trim', 0, [[2, 205]]],
      ['block', 200, []],
      ['block', 405, []]
    ])
  })
})

describe('a run', () => {
  it('rebuilds the diffs and report.html from OUT alone as the run wrote them, and keeps the entries once', async () => {
    const work = tempDir()
    const out = join(work, 'out')
    expect((await rinse(['run', SAMPLE, '--out', out])).code).toBe(0)
    const report = readStoredReport(out)
    expect(report.version).toBe(5)
    // Every edit says what it is, where it was and what it removed, readable without rinse.
    const edits = report.documents.flatMap((document) => document.edits)
    expect(edits.length).toBeGreaterThan(10)
    expect(edits.some((edit) => edit.also)).toBe(true)
    for (const edit of edits) {
      expect(Object.keys(edit).slice(0, 4)).toEqual(['stage', 'rule', 'reason', 'before'])
      expect(Object.keys(edit.start)).toEqual(['line', 'offset'])
      expect(edit.start.line).toBeGreaterThan(0)
      // A folded edit: what it is, and its places in the edit's text (not the text again).
      for (const inner of edit.folded ?? []) {
        expect(Object.keys(inner)).toEqual(['stage', 'rule', 'reason', ...(inner.after === undefined ? [] : ['after']), 'at'])
        for (const [at, length] of inner.at) expect(at + length).toBeLessThanOrEqual(edit.before.length)
      }
    }
    for (const document of report.documents) {
      const input = readFileSync(join(SAMPLE, document.path), 'utf8')
      expect(applyEdits(input, placedEdits(document.edits))).toBe(readFileSync(join(out, 'cleaned', document.path), 'utf8'))
    }
    // The manifest points into report.json: no entry is stored twice.
    const manifest = readFileSync(join(out, '.rinse', 'manifest.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
    expect(manifest).toHaveLength(report.documents.length)
    const json = readFileSync(join(out, 'report.json'))
    for (const text of manifest) {
      const line = JSON.parse(text) as {report: string; path: string; summaries: Array<{at: [number, number]; in: string}>}
      expect(line.report).toBe(report.id)
      expect(text).not.toContain('"edits":[')
      const [offset, length] = line.summaries[0]!.at
      expect(JSON.parse(json.toString('utf8', offset, offset + length))).toMatchObject({path: line.path})
    }

    const diffsWritten = join(work, 'diffs-written')
    renameSync(join(out, 'diffs'), diffsWritten)
    const html = readFileSync(join(out, 'report.html'))
    writeFileSync(join(out, 'report.html'), '')
    expect((await rinse(['diffs', out])).code).toBe(0)
    expect((await rinse(['report', out])).code).toBe(0)
    expect(listFiles(join(out, 'diffs'))).toEqual(listFiles(diffsWritten))
    for (const file of listFiles(diffsWritten))
      expect(readFileSync(join(out, 'diffs', file), 'utf8')).toBe(readFileSync(join(diffsWritten, file), 'utf8'))
    expect(readFileSync(join(out, 'report.html')).equals(html)).toBe(true)

    // And resumes from it: every file taken from the report, the same entries written again.
    const again = await rinse(['run', SAMPLE, '--out', out, '--no-html'])
    expect(again.stdout).toContain(`${report.documents.length} resumed`)
    expect(readStoredReport(out).documents).toEqual(report.documents)
  })
})

describe('a version-1 report', () => {
  const v1Document = {
    path: 'page.txt',
    bytesIn: 30,
    bytesOut: 17,
    ms: 1,
    edits: [
      {
        stage: 'boilerplate',
        rule: 'share-bar',
        reason: 'share buttons',
        before: 'Share this page\n',
        after: '',
        start: {line: 2, column: 1, offset: 6},
        end: {line: 3, column: 1, offset: 22},
        detail: {note: 'kept in version 1'}
      }
    ],
    conflicts: []
  }
  const v1Report = (version: number) => ({
    version,
    pipeline: {source: 'p.yaml', hash: 'h', stages: []},
    totals: {files: 1, changed: 1, failed: 0, skipped: 0, bytesIn: 30, bytesOut: 17, edits: 1, ms: 1},
    stats: {boilerplate: {'share-bar': 1}},
    documents: [v1Document],
    failures: [],
    clusters: [],
    conflicts: []
  })
  const outWith = (version: number): string => {
    const out = join(tempDir(), 'out')
    mkdirSync(join(out, 'cleaned'), {recursive: true})
    writeFileSync(join(out, 'cleaned', 'page.txt'), 'Title\nThe body text.\n')
    // The layout rinse wrote: one document per line.
    const {documents, failures: _f, clusters: _c, conflicts: _k, ...head} = v1Report(version)
    let text = '{\n'
    for (const [key, value] of Object.entries(head)) text += `  ${JSON.stringify(key)}: ${JSON.stringify(value)},\n`
    text += `  "documents": [\n    ${JSON.stringify(documents[0])}\n  ],\n  "failures": [],\n  "clusters": [],\n  "conflicts": []\n}\n`
    writeFileSync(join(out, 'report.json'), text)
    return out
  }

  it('is read by rinse diffs and rinse report (an OUT made by an earlier rinse)', async () => {
    const out = outWith(1)
    const diffs = await rinse(['diffs', out])
    expect(diffs.stderr).toBe('')
    expect(diffs.code).toBe(0)
    expect(readFileSync(join(out, 'diffs', 'page.txt.diff'), 'utf8')).toContain('-Share this page\n')
    expect((await rinse(['report', out])).code).toBe(0)
    expect(pageDataJson(readFileSync(join(out, 'report.html'), 'utf8'))).toContain('share buttons')
  })

  it('of version 3 (every edit an object with its end, each place on its own) is read too', async () => {
    const out = outWith(3)
    expect((await rinse(['diffs', out])).code).toBe(0)
    expect(readFileSync(join(out, 'diffs', 'page.txt.diff'), 'utf8')).toContain('-Share this page\n')
    expect((await rinse(['report', out])).code).toBe(0)
    expect(pageDataJson(readFileSync(join(out, 'report.html'), 'utf8'))).toContain('share buttons')
  })

  it('of version 4 (folded edits with their text, not their places) is read too', async () => {
    const out = join(tempDir(), 'out')
    mkdirSync(join(out, 'cleaned'), {recursive: true})
    writeFileSync(join(out, 'cleaned', 'page.txt'), 'Title\nThe body text.\n')
    const {documents: _d, failures: _f, clusters: _c, conflicts: _k, ...head} = v1Report(4)
    let text = '{\n'
    for (const [key, value] of Object.entries(head)) text += `  ${JSON.stringify(key)}: ${JSON.stringify(value)},\n`
    const folded = {stage: 'normalize', rule: 'space-run', reason: 'run of spaces', before: '  ', after: ' '}
    const edit = {
      stage: 'boilerplate',
      rule: 'share-bar',
      reason: 'share buttons',
      before: 'Share  this page\n',
      start: {line: 2, offset: 6},
      folded: [folded]
    }
    const stored = {path: 'page.txt', bytesIn: 38, bytesOut: 21, ms: 1, edits: [edit], conflicts: []}
    text += `  "documents": [\n    ${JSON.stringify(stored)}\n  ],\n  "failures": [],\n  "clusters": [],\n  "conflicts": []\n}\n`
    writeFileSync(join(out, 'report.json'), text)
    // Its folded edit placed where its text is in the edit's.
    const read = await mapReportDocuments(join(out, 'report.json'), (document) => expandEdits(document))
    expect(read.documents[0]![0]!.folded).toEqual([{...folded, offset: 11}])
    expect((await rinse(['diffs', out])).code).toBe(0)
    expect(readFileSync(join(out, 'diffs', 'page.txt.diff'), 'utf8')).toContain('-Share  this page\n')
    expect((await rinse(['report', out])).code).toBe(0)
    const page = pageDataJson(readFileSync(join(out, 'report.html'), 'utf8'))
    expect(page).toContain('share buttons')
    expect(page).toContain('run of spaces')
  })

  it('of version 2 (edits as records naming a rule table at the end) is read too', async () => {
    const out = join(tempDir(), 'out')
    mkdirSync(join(out, 'cleaned'), {recursive: true})
    writeFileSync(join(out, 'cleaned', 'page.txt'), 'Title\nThe body text.\n')
    const {documents: _d, failures: _f, clusters: _c, conflicts: _k, ...head} = v1Report(2)
    let text = '{\n'
    for (const [key, value] of Object.entries(head)) text += `  ${JSON.stringify(key)}: ${JSON.stringify(value)},\n`
    const stored = {path: 'page.txt', bytesIn: 30, bytesOut: 17, ms: 1, rules: [0], edits: [[0, 6, 'Share this page\n']], conflicts: []}
    text += `  "documents": [\n    ${JSON.stringify(stored)}\n  ],\n  "failures": [],\n  "clusters": [],\n  "conflicts": [],\n`
    text += `  "rules": [["boilerplate","share-bar","share buttons"]]\n}\n`
    writeFileSync(join(out, 'report.json'), text)
    expect((await rinse(['diffs', out])).code).toBe(0)
    expect(readFileSync(join(out, 'diffs', 'page.txt.diff'), 'utf8')).toContain('-Share this page\n')
    expect((await rinse(['report', out])).code).toBe(0)
    expect(pageDataJson(readFileSync(join(out, 'report.html'), 'utf8'))).toContain('share buttons')
  })

  it('of an unknown version is refused with a message naming the file and saying to run rinse again', async () => {
    const out = outWith(7)
    const result = await rinse(['diffs', out])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(join(out, 'report.json'))
    expect(result.stderr).toContain('version 7')
    expect(result.stderr).toContain('run rinse again')
  })
})
