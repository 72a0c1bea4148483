import {mkdir, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {clientScript} from '../../src/report/html/client-script.js'
import {renderReportHtml, writeReportHtml} from '../../src/report/html/index.js'
import type {PageData} from '../../src/report/html/model.js'
import {doc, storedReport} from './fixture-doc.js'
import {packedData as packed, pageDataJson as blob} from './page-data.js'
import {REPORT_CSS} from '../../src/report/html/styles.js'
import {REPORT_VERSION} from '../../src/report/schema.js'
import type {PageReportInput} from '../../src/report/read-report.js'
import {compactEntry, reportEntry} from '../../src/report/compact.js'
import {writeReportJson} from '../../src/report/build-report.js'
import {summarize} from '../../src/report/summarize.js'

const EVIL = 'Intro </textarea> and <script>alert(1)</script> and </script><img src=x onerror=alert(2)> <!-- end'

function fixture() {
  const a = doc('news/a.txt', 'Hello  world.\nShare this article!\nThe end', [
    {find: '  ', after: ' ', stage: 'normalize', rule: 'collapse-spaces', reason: 'repeated spaces'},
    {find: 'Share this article!\n', after: '', stage: 'boilerplate', rule: 'share-prompt', reason: 'social sharing prompt'}
  ])
  const b = doc(
    'news/<b>&evil".txt',
    EVIL,
    [{find: '<script>alert(1)</script>', after: '', stage: 'boilerplate', rule: 'script-tag', reason: 'markup </script> left in text'}],
    40
  )
  const c = doc('news/c.txt', 'Hello world.\nThe end', [])
  const documents = [a.report, b.report, c.report]
  const bytesIn = documents.reduce((n, d) => n + d.bytesIn, 0)
  const bytesOut = documents.reduce((n, d) => n + d.bytesOut, 0)
  const report: PageReportInput = {
    version: REPORT_VERSION,
    pipeline: {source: 'pipelines/default.yaml', hash: 'abc123', stages: [{name: 'normalize'}, {name: 'boilerplate'}]},
    totals: {files: 4, changed: 2, failed: 1, skipped: 0, bytesIn, bytesOut, edits: 3, ms: 60},
    stats: {boilerplate: {'share-prompt': 1, 'script-tag': 1}},
    documents,
    failures: [{path: 'news/broken.txt', error: 'invalid UTF-8 </script>'}],
    clusters: [
      {
        id: 'c1',
        kind: 'document',
        kept: {path: 'news/a.txt', reason: 'first seen'},
        members: [{path: 'news/c.txt', similarity: 0.93, containment: 0.97}]
      }
    ],
    conflicts: []
  }
  const texts = new Map([a, b, c].map((x) => [x.report.path, x.original]))
  const cleaned = new Map([a, b, c].map((x) => [x.report.path, x.cleaned]))
  return {report, texts, cleaned, bytesIn, bytesOut}
}

const stored = storedReport

describe('renderReportHtml', () => {
  it('keeps hostile document text inside the packed data blob', () => {
    const {report, texts} = fixture()
    const html = renderReportHtml(report, texts)
    // Only the page's own two scripts open or close.
    expect(html.match(/<script/gi)).toHaveLength(2)
    expect(html.match(/<\/script/gi)).toHaveLength(2)
    expect(html).not.toContain('</textarea')
    expect(html).not.toContain('<img')
    expect(html).not.toContain('alert(1)')
    // base64 only: nothing in it can end or confuse the element.
    expect(packed(html)).toMatch(/^[A-Za-z0-9+/]+=*$/)
    // Outside the blob the document text never appears.
    const outside = html.replace(packed(html), '')
    expect(outside).not.toContain('textarea')
    // The blob inflates back to the exact text.
    const data = JSON.parse(blob(html)) as PageData
    expect(data.docs.find((d) => d.p === 'news/<b>&evil".txt')?.t).toBe(EVIL)
    // Paths are escaped in the static HTML.
    expect(outside).toContain('news/&lt;b&gt;&amp;evil&quot;.txt')
  })

  it('shows the summary figures', () => {
    const {report, texts, bytesIn, bytesOut} = fixture()
    const html = renderReportHtml(report, texts)
    const figure = (id: string): string | undefined => new RegExp(`data-testid="${id}"[^>]*>([^<]*)<`).exec(html)?.[1]
    expect(figure('sum-documents')).toBe('4')
    expect(figure('sum-changed')).toBe('2')
    expect(figure('sum-edits')).toBe('3')
    expect(figure('sum-failed')).toBe('1')
    expect(figure('sum-duplicates')).toBe('1')
    expect(figure('sum-rules')).toBe('3')
    expect(figure('sum-bytes-in')).toBe(`${bytesIn} B`)
    expect(figure('sum-bytes-out')).toBe(`${bytesOut} B`)
    expect(figure('sum-removed')).toBe(`${(((bytesIn - bytesOut) / bytesIn) * 100).toFixed(1)}%`)
    // Rules table: one row per rule that fired, with a link that filters the list.
    expect(html.match(/data-testid="rule-row"/g)).toHaveLength(3)
    expect(html).toMatch(/data-rule="share-prompt" data-stage="boilerplate"/)
    expect(html).toMatch(/href="#\/rule\/\d+" data-testid="rule-link"/)
    // Cluster with similarity and containment, linking to both files.
    expect(html).toContain('data-cluster="c1"')
    expect(html).toContain('93.0%')
    expect(html).toContain('97.0%')
    expect(html).toContain('href="#/file/news%2Fc.txt"')
    // Failure listed, escaped.
    expect(html).toContain('invalid UTF-8 &lt;/script&gt;')
  })

  it('lists clusters until the row limit, and says how many more report.json has', () => {
    const {report, texts} = fixture()
    const member = (path: string) => ({path, similarity: 1, containment: 1})
    report.clusters = ['c1', 'c2', 'c3'].map((id) => ({
      id,
      kind: 'document',
      kept: {path: 'news/a.txt', reason: 'first seen'},
      members: [member(`${id}/x.txt`), member(`${id}/y.txt`)]
    }))
    const limited = renderReportHtml(report, texts, {maxIssueRows: 3})
    expect(limited.match(/data-testid="cluster"/g)).toHaveLength(2)
    expect(limited).not.toContain('data-cluster="c3"')
    expect(limited).toContain('1 more clusters in report.json')
    // The page's data keeps every cluster, for the file list's filters.
    expect((JSON.parse(blob(limited)) as PageData).clusters.map((c) => c.id)).toEqual(['c1', 'c2', 'c3'])
    expect(renderReportHtml(report, texts).match(/data-testid="cluster"/g)).toHaveLength(3)
  })

  it('encodes edits compactly and leaves text out past the budget', () => {
    const {report, texts} = fixture()
    const full = JSON.parse(blob(renderReportHtml(report, texts))) as PageData
    const a = full.docs.find((d) => d.p === 'news/a.txt')!
    expect(a.e).toHaveLength(2)
    expect(a.e[1]![6]).toBeUndefined() // before is sliced from the embedded text (a trailing null is left out)
    expect(full.docs.find((d) => d.p === 'news/c.txt')!.dm).toEqual([0])
    expect(a.dk).toEqual([0])
    expect(full.docs.find((d) => d.p === 'news/broken.txt')!.f).toContain('invalid UTF-8')

    // a's text (41 characters) fits, b's (98) does not, but b's removed text (25) does.
    const small = JSON.parse(blob(renderReportHtml(report, texts, {maxTextChars: 70}))) as PageData
    const withText = small.docs.filter((d) => d.t !== null).map((d) => d.p)
    expect(withText).toEqual(['news/a.txt']) // changed documents get the budget first
    const b = small.docs.find((d) => d.p === 'news/<b>&evil".txt')!
    expect(b.tn).toMatch(/left out/)
    expect(b.e[0]![6]).toBe('<script>alert(1)</script>')
    // With less, b keeps only its counts: the page embeds no more text than its budget.
    const smaller = JSON.parse(blob(renderReportHtml(report, texts, {maxTextChars: 50}))) as PageData
    const bSmaller = smaller.docs.find((d) => d.p === 'news/<b>&evil".txt')!
    expect(bSmaller.e).toEqual([])
    expect(bSmaller.n).toBe(1)
    expect(bSmaller.tn).toBe('edits left out to keep the page small')

    // Text that contradicts the edits is not embedded.
    const wrong = new Map(texts).set('news/a.txt', 'something else entirely, long enough')
    const data = JSON.parse(blob(renderReportHtml(report, wrong))) as PageData
    expect(data.docs.find((d) => d.p === 'news/a.txt')!.tn).toBe('original text does not match the edits')
  })

  it('renders an empty report', () => {
    const empty: PageReportInput = {
      version: REPORT_VERSION,
      pipeline: {source: 'p.yaml', hash: 'h', stages: []},
      totals: {files: 0, changed: 0, failed: 0, skipped: 0, bytesIn: 0, bytesOut: 0, edits: 0, ms: 0},
      stats: {},
      documents: [],
      failures: [],
      clusters: [],
      conflicts: []
    }
    const html = renderReportHtml(empty, new Map())
    expect(html).toContain('data-testid="sum-documents">0<')
    expect(html).toContain('data-testid="sum-removed">0.0%<')
    expect((JSON.parse(blob(html)) as PageData).docs).toEqual([])
  })

  it('ships a browser script and stylesheet that cannot break out of their elements', () => {
    const script = clientScript()
    expect(() => new Function(script)).not.toThrow()
    expect(script).not.toMatch(/<\/script|<script|<!--/i)
    expect(REPORT_CSS).not.toMatch(/<\/style/i)
    expect(script).not.toContain('innerHTML')
  })
})

describe('writeReportHtml', () => {
  const dirs: string[] = []
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, {recursive: true, force: true})
  })

  it('reads report.json and cleaned/, rebuilds originals and writes report.html atomically', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'rinse-html-'))
    dirs.push(out)
    const {report, texts, cleaned} = fixture()
    // A path that tries to leave cleaned/ is never read.
    report.documents.push({path: '../secret.txt', bytesIn: 6, bytesOut: 6, ms: 1, edits: [], conflicts: []})
    await writeFile(path.join(out, 'secret.txt'), 'secret')
    for (const [p, text] of cleaned) {
      if (p === 'news/c.txt') continue // missing cleaned file
      const file = path.join(out, 'cleaned', ...p.split('/'))
      await mkdir(path.dirname(file), {recursive: true})
      await writeFile(file, text)
    }
    await writeFile(path.join(out, 'report.json'), JSON.stringify(stored(report)))
    await writeReportHtml(out)
    expect((await readdir(out)).sort()).toEqual(['cleaned', 'report.html', 'report.json', 'secret.txt'])
    const data = JSON.parse(blob(await readFile(path.join(out, 'report.html'), 'utf8'))) as PageData
    const text = (p: string): string | null | undefined => data.docs.find((d) => d.p === p)?.t
    expect(text('news/a.txt')).toBe(texts.get('news/a.txt'))
    expect(text('news/<b>&evil".txt')).toBe(EVIL)
    expect(text('news/c.txt')).toBeNull()
    expect(data.docs.find((d) => d.p === 'news/c.txt')!.tn).toBe('original text not available')
    expect(text('../secret.txt')).toBeNull()
  })

  it('streams report.json and, past the edit budget, keeps only the counts of a document', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'rinse-html-'))
    dirs.push(out)
    const {report: page, cleaned} = fixture()
    const report = stored(page)
    for (const [p, text] of cleaned) {
      const file = path.join(out, 'cleaned', ...p.split('/'))
      await mkdir(path.dirname(file), {recursive: true})
      await writeFile(file, text)
    }
    // The entries as a run holds them, written in the layout rinse writes: one document per line.
    const entries = page.documents.map((d) => reportEntry(d))
    const {documents: _documents, ...rest} = report
    const run = {...rest, documents: entries.map((d) => summarize(compactEntry(d)))}
    const json = new Map(entries.map((d) => [d.path, JSON.stringify(d)]))
    await writeReportJson(path.join(out, 'report.json'), run, async (summary) => json.get(summary.path)!)
    const written = await readFile(path.join(out, 'report.json'), 'utf8')
    expect(JSON.parse(written)).toEqual(report)
    for (const d of report.documents) expect(written).toContain(`\n    ${JSON.stringify(d)}`)

    await writeReportHtml(out, {maxEdits: 2})
    const data = JSON.parse(blob(await readFile(path.join(out, 'report.html'), 'utf8'))) as PageData
    const a = data.docs.find((d) => d.p === 'news/a.txt')!
    const b = data.docs.find((d) => d.p === 'news/<b>&evil".txt')!
    // a (2 edits) fits the budget; b (1 more) does not: its count, rules and a note remain.
    expect(a.e).toHaveLength(2)
    expect(a.n).toBeUndefined()
    expect(b.e).toHaveLength(0)
    expect(b.n).toBe(1)
    expect(b.t).toBeNull()
    expect(b.tn).toBe('edits left out to keep the page small')
    expect(b.rs.map((r) => data.rules[r]![1])).toEqual(['script-tag'])
  })
})
