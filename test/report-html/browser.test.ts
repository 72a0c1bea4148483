/**
 * The report page in a real Chromium: change counts match report.json, filters
 * narrow the virtual file list, tooltips show rule and reason, hostile text
 * stays text, and a 10,000-file report only renders the visible rows.
 */
import {existsSync} from 'node:fs'
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {chromium, type Browser, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {renderReportHtml, writeReportHtml} from '../../src/report/html/index.js'
import {doc, storedReport, type Change, type FixtureDoc} from './fixture-doc.js'
import {REPORT_VERSION} from '../../src/report/schema.js'
import type {PageDocumentInput, PageReportInput} from '../../src/report/read-report.js'

const CHROMIUM = '/usr/bin/chromium'
const HAVE_CHROMIUM = existsSync(CHROMIUM)
const ARTIFACTS = path.resolve('test-artifacts')

type Fixture = FixtureDoc

const HOSTILE =
  'Headline\n<script>window.__pwned = 1; alert(1)</script>\nBody </textarea> text </script><img src=x onerror="window.__pwned=2">\n'

function fixtures(): Fixture[] {
  const heatwave = doc(
    'news/heatwave.txt',
    'Valencia\nCoastal Wire\n\u2014\nSpain\u2019s weather agency issued its highest  heat alert on Monday.\n\n\n\nTemperatures climbed past 44C\u200b for the first time.Hospitals reported a sharp rise in admissions.\nSubscribe\u00a0now to our newsletter!\nShare this article\n',
    [
      {
        find: 'Coastal Wire\n\u2014\n',
        after: '',
        stage: 'boilerplate',
        rule: 'dateline-byline',
        reason: 'byline and separator above the story'
      },
      {find: '  ', after: ' ', stage: 'normalize', rule: 'collapse-spaces', reason: 'repeated spaces inside a line'},
      {find: '\n\n\n\n', after: '\n\n', stage: 'normalize', rule: 'blank-lines', reason: 'more than one blank line'},
      {find: '\u200b', after: '', stage: 'normalize', rule: 'zero-width', reason: 'zero-width space'},
      {
        find: 'time.Hospitals',
        after: 'time. Hospitals',
        stage: 'repair',
        rule: 'glued-full-stop',
        reason: 'sentence glued to the next one'
      },
      {
        find: 'Subscribe\u00a0now to our newsletter!\n',
        after: '',
        stage: 'boilerplate',
        rule: 'newsletter-prompt',
        reason: 'newsletter sign-up prompt',
        folded: [{stage: 'normalize', rule: 'nbsp', reason: 'non-breaking space', before: '\u00a0', after: ' '}]
      },
      {find: 'Share this article\n', after: '', stage: 'boilerplate', rule: 'share-prompt', reason: 'social sharing prompt'}
    ],
    180
  )
  const council = doc(
    'news/council-vote.txt',
    'The council voted 7\u20132 to approve the plan .\nRead more: council budget\nShare this article\n',
    [
      {find: ' .', after: '.', stage: 'repair', rule: 'space-before-punct', reason: 'space before a full stop'},
      {find: 'Read more: council budget\n', after: '', stage: 'boilerplate', rule: 'read-more', reason: 'related-article link text'},
      {find: 'Share this article\n', after: '', stage: 'boilerplate', rule: 'share-prompt', reason: 'social sharing prompt'}
    ],
    35
  )
  const council2 = doc('mirror/council-vote.txt', 'The council voted 7\u20132 to approve the plan.\n', [], 3)
  const hostile = doc(
    'site-b/<img src=x onerror=alert(3)>.txt',
    HOSTILE,
    [
      {
        find: '<script>window.__pwned = 1; alert(1)</script>\n',
        after: '',
        stage: 'boilerplate',
        rule: 'markup',
        reason: 'leftover </script> markup'
      }
    ],
    12
  )
  return [heatwave, council, council2, hostile]
}

function reportOf(docs: Fixture[]): PageReportInput {
  const documents = docs.map((d) => d.report)
  const sum = (f: (d: PageDocumentInput) => number): number => documents.reduce((n, d) => n + f(d), 0)
  return {
    version: REPORT_VERSION,
    pipeline: {
      source: 'pipelines/default.yaml',
      hash: 'e3b0c442',
      stages: [{name: 'normalize'}, {name: 'boilerplate'}, {name: 'repair'}, {name: 'dedup'}]
    },
    totals: {
      files: documents.length,
      changed: documents.filter((d) => d.edits.length > 0).length,
      failed: 0,
      skipped: 0,
      bytesIn: sum((d) => d.bytesIn),
      bytesOut: sum((d) => d.bytesOut),
      edits: sum((d) => d.edits.length),
      ms: sum((d) => d.ms)
    },
    stats: {boilerplate: {'share-prompt': 2}, dedup: {clusters: 1}},
    documents,
    failures: [],
    clusters: [
      {
        id: 'dup-1',
        kind: 'document',
        kept: {path: 'news/council-vote.txt', reason: 'first in input order'},
        members: [{path: 'mirror/council-vote.txt', similarity: 0.96, containment: 1}]
      }
    ],
    conflicts: []
  }
}

const fileHash = (p: string): string => `#/file/${encodeURIComponent(p)}`

/**
 * The page's globals as seen by callbacks that run in the browser (page.evaluate
 * and friends): the project compiles without the DOM lib, so they cast
 * `globalThis` to this instead.
 */
interface PageElement {
  textContent: string | null
  getAttribute(name: string): string | null
  getBoundingClientRect(): {top: number}
  querySelector(selector: string): PageElement | null
  querySelectorAll(selector: string): Iterable<PageElement>
}
interface PageGlobals {
  location: {hash: string}
  document: PageElement & {activeElement: PageElement | null}
  __pwned?: number
}

async function goHash(p: Page, hash: string): Promise<void> {
  await p.evaluate((h) => {
    ;(globalThis as unknown as PageGlobals).location.hash = h
  }, hash)
}

/** The value of the option of a select whose label satisfies `match`. */
async function optionValue(p: Page, testid: string, match: (label: string) => boolean): Promise<string> {
  const options: Array<[string, string]> = await p
    .locator(`[data-testid=${testid}] option`)
    .evaluateAll((els) => els.map((o) => [o.getAttribute('value') ?? '', o.textContent ?? ''] as [string, string]))
  const found = options.find(([, label]) => match(label))
  if (!found) throw new Error(`no option in ${testid} matches`)
  return found[0]
}

describe.skipIf(!HAVE_CHROMIUM && !process.env.CI)('report.html in Chromium', () => {
  let browser: Browser
  let page: Page
  let out: string
  let url: string
  const docs = fixtures()
  const report = reportOf(docs)
  const dialogs: string[] = []
  const errors: string[] = []

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) {
      throw new Error(`Chromium is not installed at ${CHROMIUM}; CI must run "apt-get install -y chromium" before the tests`)
    }
    out = await mkdtemp(path.join(tmpdir(), 'rinse-report-'))
    for (const d of docs) {
      const file = path.join(out, 'cleaned', ...d.report.path.split('/'))
      await mkdir(path.dirname(file), {recursive: true})
      await writeFile(file, d.cleaned)
    }
    await writeFile(path.join(out, 'report.json'), JSON.stringify(storedReport(report), null, 2))
    await writeReportHtml(out)
    url = pathToFileURL(path.join(out, 'report.html')).href
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync'
      ]
    })
    page = await browser.newPage({viewport: {width: 1440, height: 900}})
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    page.on('pageerror', (error) => errors.push(String(error)))
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    await page.goto(`${url}#/files`)
    await page.waitForSelector('html[data-ready=true]')
  })

  afterAll(async () => {
    await browser?.close()
    if (out) await rm(out, {recursive: true, force: true})
  })

  async function open(p: string): Promise<void> {
    await goHash(page, fileHash(p))
    await page.waitForFunction(
      (p) => (globalThis as unknown as PageGlobals).document.querySelector('[data-testid=view-path]')?.textContent === p,
      p
    )
  }

  it('lists every file in the virtual list', async () => {
    await expect.poll(() => page.locator('[data-testid=file-row]').count()).toBe(docs.length)
    expect(await page.textContent('[data-testid=file-count]')).toBe(`${docs.length} of ${docs.length} files`)
  })

  it('shows, for each file, as many changes as report.json has edits', async () => {
    for (const d of docs) {
      await open(d.report.path)
      expect(await page.textContent('[data-testid=change-count]')).toBe(String(d.report.edits.length))
      await expect.poll(() => page.locator('[data-testid=file-view] [data-testid=change]').count()).toBe(d.report.edits.length)
      const rules = await page.$$eval('[data-testid=file-view] [data-testid=change]', (els) => els.map((e) => e.getAttribute('data-rule')))
      expect(rules).toEqual(d.report.edits.map((e) => e.rule))
    }
  })

  it('narrows the file list when filtering by rule, stage, search and removed share', async () => {
    const rows = page.locator('[data-testid=file-row]')
    await page.selectOption('[data-testid=filter-rule]', await optionValue(page, 'filter-rule', (l) => l.startsWith('share-prompt ')))
    await expect.poll(() => rows.count()).toBe(2)
    expect((await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-path')))).sort()).toEqual([
      'news/council-vote.txt',
      'news/heatwave.txt'
    ])

    // A rule that only fired folded inside another edit still finds its file.
    await page.selectOption('[data-testid=filter-rule]', await optionValue(page, 'filter-rule', (l) => l.startsWith('nbsp ')))
    await expect.poll(() => rows.count()).toBe(1)
    await page.selectOption('[data-testid=filter-rule]', '')

    await page.selectOption('[data-testid=filter-stage]', await optionValue(page, 'filter-stage', (l) => l === 'repair'))
    await expect.poll(() => rows.count()).toBe(2)
    await page.selectOption('[data-testid=filter-stage]', '')

    await page.fill('[data-testid=filter-search]', 'MIRROR')
    await expect.poll(() => rows.count()).toBe(1)
    await page.fill('[data-testid=filter-search]', '')

    await page.selectOption('[data-testid=filter-dup]', 'member')
    await expect.poll(() => rows.count()).toBe(1)
    expect(await rows.first().getAttribute('data-path')).toBe('mirror/council-vote.txt')
    await page.selectOption('[data-testid=filter-dup]', '')

    await page.fill('[data-testid=filter-removed-number]', '30')
    const expected = report.documents.filter((d) => ((d.bytesIn - d.bytesOut) / d.bytesIn) * 100 >= 30).length
    await expect.poll(() => rows.count()).toBe(expected)
    await page.fill('[data-testid=filter-removed-number]', '0')
    await expect.poll(() => rows.count()).toBe(docs.length)
  })

  it('follows the rules table link to the filtered file list', async () => {
    await goHash(page, '#/rules')
    await page.click('[data-testid=rule-row][data-rule=read-more] [data-testid=rule-link]')
    await expect.poll(() => page.locator('[data-testid=file-row]').count()).toBe(1)
    expect(await page.locator('[data-testid=file-row]').first().getAttribute('data-path')).toBe('news/council-vote.txt')
    await page.selectOption('[data-testid=filter-rule]', '')
  })

  it('shows rule and reason when a removed span is hovered or focused', async () => {
    const heatwave = docs[0]!
    await open(heatwave.report.path)
    const tooltip = page.locator('[data-testid=tooltip]')
    await page.hover('[data-testid=change][data-rule=share-prompt] del')
    await tooltip.waitFor({state: 'visible'})
    await expect.poll(() => tooltip.textContent()).toContain('share-prompt')
    await expect.poll(() => tooltip.textContent()).toContain('social sharing prompt')
    await page.mouse.move(5, 5)
    await tooltip.waitFor({state: 'hidden'})

    // Keyboard: j moves to the first change, focuses it and shows its rule.
    await page.locator('[data-testid=file-view]').click({position: {x: 5, y: 5}})
    await page.keyboard.press('j')
    await expect.poll(() => page.locator('[data-testid=change-pos]').textContent()).toBe(`1 / ${heatwave.report.edits.length}`)
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.getAttribute('data-rule'))).toBe(
      'dateline-byline'
    )
    await tooltip.waitFor({state: 'visible'})
    await expect.poll(() => tooltip.textContent()).toContain('dateline-byline')
    await page.keyboard.press('j')
    await page.keyboard.press('j')
    await expect.poll(() => page.locator('[data-testid=change-pos]').textContent()).toBe(`3 / ${heatwave.report.edits.length}`)
    await page.keyboard.press('k')
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.getAttribute('data-rule'))).toBe(
      'collapse-spaces'
    )

    // The folded nbsp edit is listed in the newsletter prompt's tooltip.
    await page.focus('[data-testid=change][data-rule=newsletter-prompt]')
    await expect.poll(() => tooltip.textContent()).toContain('folded: normalize / nbsp')
  })

  it('toggles side by side with the exact original and cleaned texts', async () => {
    const heatwave = docs[0]!
    await open(heatwave.report.path)
    await page.click('[data-testid=toggle-sbs]')
    const original = await page.textContent('[data-testid=pane-original] .text')
    const cleaned = await page.textContent('[data-testid=pane-cleaned] .text')
    expect(original).toBe(heatwave.original)
    expect(cleaned).toBe(heatwave.cleaned)
    await expect.poll(() => page.locator('[data-testid=change-count]').textContent()).toBe(String(heatwave.report.edits.length))
    await page.click('[data-testid=toggle-sbs]')
    await expect.poll(() => page.locator('[data-testid=pane-original]').count()).toBe(0)
  })

  it('renders hostile document text as text and never runs it', async () => {
    const hostile = docs[3]!
    await open(hostile.report.path)
    const text = await page.textContent('[data-testid=view-body] .text')
    expect(text).toContain('<script>window.__pwned = 1; alert(1)</script>')
    expect(text).toContain('</textarea>')
    expect(await page.locator('[data-testid=view-body] script, [data-testid=view-body] img').count()).toBe(0)
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).__pwned)).toBeUndefined()
    expect(dialogs).toEqual([])
  })

  it('links duplicate clusters to file views and looks right (screenshot)', async () => {
    await goHash(page, '#/dups')
    await page.click('[data-testid=cluster] a[href*=mirror]')
    await page.waitForFunction(
      () =>
        (globalThis as unknown as PageGlobals).document.querySelector('[data-testid=view-path]')?.textContent === 'mirror/council-vote.txt'
    )
    await expect.poll(() => page.locator('[data-testid=file-view] .note.dup').textContent()).toContain('96.0%')

    await mkdir(ARTIFACTS, {recursive: true})
    await open(docs[0]!.report.path)
    await page.focus('[data-testid=change][data-rule=glued-full-stop]')
    await page.screenshot({path: path.join(ARTIFACTS, 'report.png')})
    await expect.poll(() => page.textContent('[data-testid=change-pos]')).toBe(`5 / ${docs[0]!.report.edits.length}`)
    await page.keyboard.press('s')
    await page.waitForSelector('[data-testid=pane-cleaned]')
    expect(await page.textContent('[data-testid=change-pos]')).toBe(`5 / ${docs[0]!.report.edits.length}`)
    await page.screenshot({path: path.join(ARTIFACTS, 'report-side-by-side.png')})
    await page.keyboard.press('s')
    await goHash(page, '#/overview')
    await page.screenshot({path: path.join(ARTIFACTS, 'report-overview.png'), fullPage: true})
    expect(errors).toEqual([])
  })

  it('keeps side-by-side panes aligned on a long document', async () => {
    const para = 'Weather agency issued its highest  heat alert.\nShare this article\nProvinces.Hospitals reported a rise.\n\n\n'
    const changes: Change[] = []
    for (let i = 0; i < 1500; i++) {
      changes.push(
        {find: '  ', after: ' ', stage: 'normalize', rule: 'collapse-spaces', reason: 'repeated spaces'},
        {find: 'Share this article\n', after: '', stage: 'boilerplate', rule: 'share-prompt', reason: 'social sharing prompt'},
        {find: 'Provinces.Hospitals', after: 'Provinces. Hospitals', stage: 'repair', rule: 'glued-full-stop', reason: 'glued sentences'},
        {find: '\n\n\n', after: '\n\n', stage: 'normalize', rule: 'blank-lines', reason: 'blank lines'}
      )
    }
    const long = doc('long.txt', para.repeat(1500), changes, 1)
    const file = path.join(out, 'long.html')
    await writeFile(file, renderReportHtml(reportOf([long]), new Map([[long.report.path, long.original]])))
    const longPage = await browser.newPage({viewport: {width: 1440, height: 900}})
    await longPage.goto(`${pathToFileURL(file).href}${fileHash('long.txt')}`)
    await longPage.waitForSelector('[data-testid=change-count]')
    expect(await longPage.textContent('[data-testid=change-count]')).toBe('6000')
    await longPage.keyboard.press('s')
    await longPage.waitForSelector('[data-testid=pane-cleaned]')
    expect(await longPage.textContent('[data-testid=pane-original] .text')).toBe(long.original)
    expect(await longPage.textContent('[data-testid=pane-cleaned] .text')).toBe(long.cleaned)
    const left = longPage.locator('[data-testid=pane-original]')
    await left.hover()
    /** Vertical gap between the first change at the top of the original pane and the same change in the cleaned pane. */
    const gap = (): Promise<number> =>
      longPage.evaluate(() => {
        const {document} = globalThis as unknown as PageGlobals
        const l = document.querySelector('[data-testid=pane-original]')!
        const r = document.querySelector('[data-testid=pane-cleaned]')!
        const top = l.getBoundingClientRect().top
        const a = [...l.querySelectorAll('[data-testid=change]')].find((e) => e.getBoundingClientRect().top >= top)!
        const b = r.querySelector(`[data-testid=change-after][data-i="${a.getAttribute('data-i')}"]`)!
        return Math.abs(a.getBoundingClientRect().top - b.getBoundingClientRect().top)
      })
    for (const share of [0.3, 0.7]) {
      await left.evaluate((el, share) => {
        el.scrollTop = el.scrollHeight * share
      }, share)
      await expect.poll(gap).toBeLessThanOrEqual(2)
    }
    await longPage.close()
  })

  it('stays responsive with 10,000 files: only visible rows are in the DOM', async () => {
    const many: Fixture[] = []
    const body = 'A sentence about the weather.  Another one.\nShare this article\n'.repeat(20)
    for (let i = 0; i < 10_000; i++) {
      const changes: Change[] =
        i % 3 === 0
          ? []
          : [
              {find: '  ', after: ' ', stage: 'normalize', rule: 'collapse-spaces', reason: 'repeated spaces'},
              {
                find: 'Share this article\n',
                after: '',
                stage: 'boilerplate',
                rule: i % 2 ? 'share-prompt' : 'share-footer',
                reason: 'social sharing prompt'
              }
            ]
      many.push(doc(`site-${i % 50}/article-${String(i).padStart(5, '0')}.txt`, body, changes, i % 97))
    }
    const big = reportOf(many)
    const file = path.join(out, 'big.html')
    await writeFile(file, renderReportHtml(big, new Map(many.map((d) => [d.report.path, d.original]))))
    const bigPage = await browser.newPage({viewport: {width: 1440, height: 900}})
    const t0 = Date.now()
    await bigPage.goto(`${pathToFileURL(file).href}#/files`)
    await bigPage.waitForSelector('[data-testid=file-row]')
    const firstRender = Date.now() - t0
    const rowsInDom = await bigPage.locator('[data-testid=file-row]').count()
    expect(rowsInDom).toBeGreaterThan(10)
    expect(rowsInDom).toBeLessThan(80)
    expect(await bigPage.textContent('[data-testid=file-count]')).toBe('10,000 of 10,000 files')

    // Filtering and scrolling to the end keep the DOM small and answer quickly.
    const t1 = Date.now()
    await bigPage.selectOption('[data-testid=filter-rule]', await optionValue(bigPage, 'filter-rule', (l) => l.startsWith('share-prompt ')))
    await bigPage.waitForFunction(() =>
      (globalThis as unknown as PageGlobals).document.querySelector('[data-testid=file-count]')?.textContent?.startsWith('3,333 of')
    )
    const filterMs = Date.now() - t1
    await bigPage.$eval('#list', (el) => {
      el.scrollTop = el.scrollHeight
    })
    await bigPage.waitForFunction(() =>
      [...(globalThis as unknown as PageGlobals).document.querySelectorAll('[data-testid=file-row]')].some((r) =>
        r.getAttribute('data-path')?.endsWith('article-09997.txt')
      )
    )
    expect(await bigPage.locator('[data-testid=file-row]').count()).toBeLessThan(80)

    const t2 = Date.now()
    await goHash(bigPage, fileHash('site-47/article-09997.txt'))
    await bigPage.waitForSelector('[data-testid=change-count]')
    const openMs = Date.now() - t2
    expect(await bigPage.textContent('[data-testid=change-count]')).toBe('2')
    console.log(`10k files: first render ${firstRender} ms, rule filter ${filterMs} ms, open file ${openMs} ms, ${rowsInDom} rows in DOM`)
    expect(firstRender).toBeLessThan(15_000)
    await bigPage.close()
  })
})
