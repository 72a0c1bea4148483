#!/usr/bin/env node
// docs/decisions-panel.png: the report page's Decisions tab after a short review of
// the sample folder (input/). A script, not a test: run it after `npm run build`
// when the page changes. Needs Chromium (CHROMIUM=/path, default /usr/bin/chromium).
import {execFileSync} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {chromium} from 'playwright-core'

const root = new URL('..', import.meta.url).pathname
const out = mkdtempSync(join(tmpdir(), 'rinse-shot-'))
execFileSync(process.execPath, [join(root, 'dist/cli/main.js'), 'run', join(root, 'input'), '--out', out, '--quiet'])
const browser = await chromium.launch({executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium'})
try {
  const page = await browser.newPage({viewport: {width: 1100, height: 640}})
  await page.goto(pathToFileURL(join(out, 'report.html')).href + '#/file/' + encodeURIComponent('site-b/football-transfer.txt'))
  await page.locator('html[data-ready=true]').waitFor()
  const decide = async (rule, button) => {
    await page.locator(`[data-testid=change][data-rule=${rule}]`).first().click()
    await page.getByTestId(button).click()
  }
  await decide('masthead', 'decide-keep')
  await decide('related-bullet', 'decide-rule-off')
  await decide('copyright', 'decide-confirm')
  await page.getByTestId('decide-remove-input').fill("'Wage Structure'")
  await page.getByTestId('decide-remove').click()
  await page.goto(page.url().replace(/#.*$/, '#/decisions'))
  await page.getByTestId('reviewer').fill('ana')
  const file = join(root, 'docs', 'decisions-panel.png')
  await page.screenshot({path: file, fullPage: true})
  console.log(`wrote ${file}`)
} finally {
  await browser.close()
  rmSync(out, {recursive: true, force: true})
}
