/**
 * The review loop in a real Chromium (issue 23): open a run's report, reject one
 * removal and one rule on a site, export the overlay, run again with it, and
 * compare the two runs.
 */
import {cpSync, existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {chromium, type Browser} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parseOverlayText} from '../../src/index.js'
import {readReport, rinse, SAMPLE, sampleCopy} from '../helpers.js'

const CHROMIUM = '/usr/bin/chromium'
const HAVE_CHROMIUM = existsSync(CHROMIUM)

/** Our own page on a second site, with a related-article bullet the rule removes there too. */
const GARDEN = `Town garden opens a second plot for volunteers

The community garden on Mill Street will open a second plot next month after a year in which its waiting list grew to more than ninety households, the organisers said on Tuesday.

  • Allotment fees to rise for the first time in a decade

Volunteers will clear the new plot over three weekends in April, and the council has agreed to pay for a water tap and a tool shed near the gate on Orchard Lane.
`

const FOOTBALL = 'site-b/football-transfer.txt'

function rulesOf(out: string, path: string): string[] {
  return readReport(out)
    .documents.find((document) => document.path === path)!
    .edits.map((edit) => edit.rule)
}

describe.skipIf(!HAVE_CHROMIUM && !process.env.CI)('review round trip in Chromium', () => {
  let browser: Browser
  let work: string
  let input: string
  let overlay: string

  beforeAll(async () => {
    if (!HAVE_CHROMIUM)
      throw new Error(`Chromium is not installed at ${CHROMIUM}; CI must run "apt-get install -y chromium" before the tests`)
    ;({work, input} = sampleCopy())
    mkdirSync(join(input, 'site-a'))
    writeFileSync(join(input, 'site-a', 'garden.txt'), GARDEN)
    expect((await rinse(['run', input, '--out', join(work, 'first'), '-q'])).code).toBe(0)
    browser = await chromium.launch({executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu']})
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('turns decisions made in the page into an overlay that the next run applies', async () => {
    const page = await browser.newPage({acceptDownloads: true})
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(String(error)))
    const url = pathToFileURL(join(work, 'first', 'report.html')).href
    // Sites: a filter, and the rules that fired on each.
    await page.goto(`${url}#/files`)
    await page.locator('html[data-ready=true]').waitFor()
    await page.getByTestId('filter-site').selectOption({label: 'site-b/ (2 files)'})
    expect(await page.getByTestId('file-count').textContent()).toBe('2 of 7 files')
    expect(await page.getByTestId('site-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-site')))).toEqual([
      'site-a',
      'site-b'
    ])
    expect(await page.locator('[data-testid=site-row][data-site=site-a]').textContent()).toContain('related-bullet 1')

    await page.goto(`${url}#/file/${encodeURIComponent(FOOTBALL)}`)
    // Reject one removal (the masthead) and one rule on this site (related-bullet on site-b/).
    await page.locator('[data-testid=change][data-rule=masthead]').first().click()
    await page.getByTestId('decide-keep').click()
    await page.locator('[data-testid=change][data-rule=related-bullet]').first().click()
    await page.getByTestId('decide-rule-off').click()
    await page.locator('[data-testid=change][data-rule=copyright]').first().click()
    await page.getByTestId('decide-confirm').click()
    await page.getByTestId('decide-remove-input').fill("'Wage Structure'")
    await page.getByTestId('decide-remove').click()
    await page.goto(`${url}#/decisions`)
    await expect.poll(() => page.getByTestId('decision-count').textContent()).toBe('4')
    expect(await page.getByTestId('decisions-yaml').textContent()).toContain(`    remove:\n      - {line: "'Wage Structure'"`)
    // Undo the line removal: the overlay no longer has it.
    await page.getByTestId('decision-undo').last().click()
    expect(await page.getByTestId('decision-count').textContent()).toBe('3')
    expect(await page.getByTestId('decisions-yaml').textContent()).not.toContain('remove:')
    expect(await page.getByTestId('decision-counts').textContent()).toBe('1 keep · 1 confirm · 1 rule off · 0 remove')

    // Decisions are kept for this run across a reload.
    await page.reload()
    await page.locator('html[data-ready=true]').waitFor()
    expect(await page.getByTestId('decision-count').textContent()).toBe('3')

    await page.getByTestId('reviewer').fill('ana')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('decisions-export').click()])
    expect(download.suggestedFilename()).toBe('review.yaml')
    overlay = join(work, 'review.yaml')
    await download.saveAs(overlay)
    expect(errors).toEqual([])
    await page.close()

    const exported = parseOverlayText(readFileSync(overlay, 'utf8'), overlay)
    expect(exported.scopes).toMatchObject([
      {
        site: 'site-b',
        rulesOff: [{rule: 'boilerplate/related-bullet', by: 'ana'}],
        keep: [{line: 'The Daily Ledger', by: 'ana'}],
        remove: []
      }
    ])

    const second = await rinse(['run', input, '--out', join(work, 'second'), '--overlay', overlay, '--compare', join(work, 'first')])
    expect(second.stderr).toBe('')
    expect(second.code).toBe(0)
    expect(second.stdout).not.toContain('matched nothing')
    const football = readFileSync(join(work, 'second', 'cleaned', FOOTBALL), 'utf8')
    expect(football.startsWith('The Daily Ledger\n')).toBe(true)
    expect(rulesOf(join(work, 'first'), FOOTBALL)).toContain('related-bullet')
    expect(rulesOf(join(work, 'second'), FOOTBALL)).not.toContain('related-bullet')
    expect(rulesOf(join(work, 'second'), 'site-a/garden.txt')).toContain('related-bullet')

    // The compare view lists exactly the documents the decisions changed.
    const compared = await rinse(['compare', join(work, 'first'), join(work, 'second'), '--json'])
    const comparison = JSON.parse(compared.stdout) as {changed: Array<{path: string}>; sites: Array<{site: string}>}
    expect(comparison.changed.map((document) => document.path)).toEqual([FOOTBALL])
    expect(comparison.sites.map((site) => site.site)).toEqual(['site-b'])
    const view = await browser.newPage()
    await view.goto(`${pathToFileURL(join(work, 'second', 'report.html')).href}#/compare`)
    await view.locator('html[data-ready=true]').waitFor()
    expect(await view.getByTestId('compare-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-path')))).toEqual([
      FOOTBALL
    ])
    const oldLink = view.getByTestId('compare-row').locator('a').nth(1)
    expect(await oldLink.getAttribute('href')).toBe(`../first/cleaned/${FOOTBALL}`)
    await view.close()
  })

  it("scopes a page decision by the pipeline's site pattern: its group, not the first folder", async () => {
    // Every page is under crawl/, so the first folder would put them all on one site.
    const crawl = join(work, 'crawl-in')
    const news = join(crawl, 'crawl', 'news.example')
    mkdirSync(join(news, '2024'), {recursive: true})
    mkdirSync(join(crawl, 'crawl', 'garden.example'), {recursive: true})
    cpSync(join(SAMPLE, FOOTBALL), join(news, '2024', 'football-transfer.txt'))
    writeFileSync(join(crawl, 'crawl', 'garden.example', 'garden.txt'), GARDEN)
    const pipeline = join(work, 'crawl.yaml')
    writeFileSync(
      pipeline,
      `${readFileSync(join(import.meta.dirname, '..', '..', 'pipelines', 'default.yaml'), 'utf8')}site: '^crawl/([^/]+)/'\n`
    )
    const runs = (out: string, ...args: string[]) => rinse(['run', crawl, '--out', join(work, out), '--pipeline', pipeline, '-q', ...args])
    expect((await runs('crawl-first')).code).toBe(0)
    const football = 'crawl/news.example/2024/football-transfer.txt'

    const page = await browser.newPage({acceptDownloads: true})
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(String(error)))
    const url = pathToFileURL(join(work, 'crawl-first', 'report.html')).href
    await page.goto(`${url}#/file/${encodeURIComponent(football)}`)
    await page.locator('html[data-ready=true]').waitFor()
    await page.locator('[data-testid=change][data-rule=related-bullet]').first().click()
    expect(await page.getByTestId('decide-rule-off').textContent()).toBe('rule wrong on news.example/')
    await page.getByTestId('decide-rule-off').click()
    await page.goto(`${url}#/decisions`)
    await page.getByTestId('reviewer').fill('ana')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('decisions-export').click()])
    const exported = join(work, 'crawl-review.yaml')
    await download.saveAs(exported)
    expect(errors).toEqual([])
    await page.close()
    expect(parseOverlayText(readFileSync(exported, 'utf8'), exported).scopes).toMatchObject([
      {site: 'news.example', rulesOff: [{rule: 'boilerplate/related-bullet', by: 'ana'}], keep: [], remove: []}
    ])

    const second = await runs('crawl-second', '--overlay', exported)
    expect(second.code).toBe(0)
    expect(second.stdout).toBe('')
    expect(rulesOf(join(work, 'crawl-first'), football)).toContain('related-bullet')
    expect(rulesOf(join(work, 'crawl-second'), football)).not.toContain('related-bullet')
    expect(rulesOf(join(work, 'crawl-second'), 'crawl/garden.example/garden.txt')).toContain('related-bullet')
  })
})
