/**
 * The offline HTML review report: one self-contained page. Aggregates (summary,
 * rules, clusters, issues) are rendered here as escaped static HTML; the file
 * list and the per-file view are built in the browser from the JSON blob
 * `#rinse-data`, which is the only place document text appears.
 */
import type {PageReportInput as Report} from '../read-report.js'
import {clientScript} from './client-script.js'
import {comparePanel, compareTab, type PageComparison} from './compare-panel.js'
import {buildPageModel, stageColours, type ModelOptions, type PageData, type PageModel} from './model.js'
import {REPORT_CSS} from './styles.js'
import {escapeHtml as h, fmtBytes, fmtInt, fmtMs, fmtPct, packForScript, removedShare} from './util.js'
import {maxOf} from '../../engine/arrays.js'

export interface RenderOptions extends ModelOptions {
  /** Page title; defaults to `rinse report`. */
  title?: string
  /** Rows shown in the conflict, failure, warning and cluster-member tables before "N more". */
  maxIssueRows?: number
  /** What changed since an earlier run (`rinse run --compare`): a Compare tab. */
  comparison?: PageComparison
}

const fileHref = (path: string): string => `#/file/${encodeURIComponent(path)}`
const fileLink = (path: string): string => `<a href="${h(fileHref(path))}">${h(path)}</a>`

function figure(label: string, value: string, testid: string, title?: string): string {
  return `<div><dt>${h(label)}</dt><dd data-testid="${testid}"${title ? ` title="${h(title)}"` : ''}>${h(value)}</dd></div>`
}

function bars(rows: Array<{label: string; value: number; note?: string; stageIndex: number; href?: string}>): string {
  const max = maxOf(
    rows.map((r) => r.value),
    1
  )
  return `<div class="bars">${rows
    .map((r) => {
      const label = r.href ? `<a href="${h(r.href)}">${h(r.label)}</a>` : h(r.label)
      const width = ((r.value / max) * 100).toFixed(1)
      return `<span class="bar-label" title="${h(r.label)}">${label}</span><span class="bar" role="img" aria-label="${h(`${r.label}: ${r.value}`)}"><span class="si${r.stageIndex}" style="width:${width}%"></span></span><span class="num">${fmtInt(r.value)}${r.note ? ` <span class="muted">${h(r.note)}</span>` : ''}</span>`
    })
    .join('')}</div>`
}

function more(total: number, shown: number, what: string): string {
  return total > shown ? `<p class="more">${fmtInt(total - shown)} more ${h(what)} in report.json</p>` : ''
}

function summary(report: Report, model: PageModel): string {
  const t = report.totals
  const duplicates = new Set(report.clusters.flatMap((c) => c.members.map((m) => m.path))).size
  return `<dl class="figures" data-testid="summary">${[
    figure('Documents', fmtInt(t.files), 'sum-documents'),
    figure('Changed', fmtInt(t.changed), 'sum-changed'),
    figure('Bytes in', fmtBytes(t.bytesIn), 'sum-bytes-in', `${fmtInt(t.bytesIn)} bytes`),
    figure('Bytes out', fmtBytes(t.bytesOut), 'sum-bytes-out', `${fmtInt(t.bytesOut)} bytes`),
    figure('Removed', fmtPct(removedShare(t.bytesIn, t.bytesOut)), 'sum-removed'),
    figure('Edits', fmtInt(t.edits), 'sum-edits'),
    figure('Rules fired', fmtInt(model.rules.length), 'sum-rules'),
    figure('Duplicates', fmtInt(duplicates), 'sum-duplicates', `${fmtInt(report.clusters.length)} clusters`),
    figure('Conflicts', fmtInt(report.conflicts.length), 'sum-conflicts'),
    figure('Failed', fmtInt(t.failed), 'sum-failed'),
    figure('Skipped', fmtInt(t.skipped), 'sum-skipped'),
    figure('Time', fmtMs(t.ms), 'sum-ms')
  ].join('')}</dl>`
}

function overview(report: Report, model: PageModel): string {
  const stageBars = bars(
    model.stageCounts.map((s) => ({
      label: s.stage,
      value: s.edits + s.folded,
      note: s.folded ? `(${fmtInt(s.folded)} folded)` : undefined,
      stageIndex: s.stageIndex
    }))
  )
  const TOP_RULES = 15
  const byCount = [...model.rules].sort((a, b) => b.edits + b.folded - (a.edits + a.folded) || a.rule.localeCompare(b.rule))
  const ruleBars = bars(
    byCount.slice(0, TOP_RULES).map((r) => ({
      label: `${r.rule}`,
      value: r.edits + r.folded,
      stageIndex: r.stageIndex,
      href: `#/rule/${r.index}`
    }))
  )
  const slowest = [...report.documents].sort((a, b) => b.ms - a.ms).slice(0, 10)
  const stats = Object.entries(report.stats).flatMap(([stage, counters]) =>
    Object.entries(counters).map(([name, n]) => `<tr><td>${h(stage)}</td><td>${h(name)}</td><td class="num">${fmtInt(n)}</td></tr>`)
  )
  const notes = [...model.textNotes].map(([why, n]) => `<li>${fmtInt(n)} document(s): ${h(why)}</li>`).join('')
  return `<div class="cards">
<div class="card" data-testid="chart-stages"><h2>Changes by stage</h2>${model.stageCounts.length ? stageBars : '<p class="muted">No edits.</p>'}</div>
<div class="card" data-testid="chart-rules"><h2>Changes by rule</h2>${byCount.length ? ruleBars : '<p class="muted">No edits.</p>'}${
    byCount.length > TOP_RULES ? `<p class="more"><a href="#/rules">All ${fmtInt(byCount.length)} rules</a></p>` : ''
  }</div>
<div class="card" data-testid="slowest"><h2>Slowest files</h2><table><thead><tr><th>File</th><th class="num">Time</th><th class="num">Size</th><th class="num">Edits</th></tr></thead><tbody>${slowest
    .map(
      (d) =>
        `<tr><td class="path">${fileLink(d.path)}</td><td class="num">${fmtMs(d.ms)}</td><td class="num">${fmtBytes(d.bytesIn)}</td><td class="num">${fmtInt(d.edits.length)}</td></tr>`
    )
    .join('')}</tbody></table></div>
<div class="card"><h2>Run</h2><table><tbody>
<tr><th>Pipeline</th><td><code>${h(report.pipeline.source)}</code></td></tr>
<tr><th>Hash</th><td><code>${h(report.pipeline.hash)}</code></td></tr>
<tr><th>Documents</th><td>${fmtInt(report.totals.files)} (${fmtInt(report.totals.changed)} changed, ${fmtInt(report.totals.skipped)} skipped, ${fmtInt(report.totals.failed)} failed)</td></tr>
</tbody></table>${notes ? `<h3>Text not embedded</h3><ul>${notes}</ul>` : ''}</div>
${stats.length ? `<div class="card"><h2>Stage counters</h2><table><thead><tr><th>Stage</th><th>Counter</th><th class="num">Count</th></tr></thead><tbody>${stats.join('')}</tbody></table></div>` : ''}
</div>`
}

function filesPanel(model: PageModel): string {
  const {stages} = model.data
  const order = (s: string): number => model.stageCounts.findIndex((c) => c.stage === s)
  const rules = [...model.rules].sort((a, b) => order(a.stage) - order(b.stage) || a.rule.localeCompare(b.rule))
  const stageOptions = model.stageCounts
    .filter((s) => s.edits + s.folded > 0)
    .map((s) => `<option value="${s.stageIndex}">${h(s.stage)}</option>`)
    .join('')
  const ruleOptions = rules
    .map((r) => `<option value="${r.index}">${h(`${r.rule} · ${stages[r.stageIndex] ?? ''} (${fmtInt(r.files)} files)`)}</option>`)
    .join('')
  return `<div class="files">
<div class="list-pane">
<div class="filters" role="search">
<label class="wide">Search paths<input type="search" data-testid="filter-search" placeholder="path contains…  (press /)" autocomplete="off"></label>
<label>Stage<select data-testid="filter-stage"><option value="">all stages</option>${stageOptions}</select></label>
<label>Rule<select data-testid="filter-rule"><option value="">all rules</option>${ruleOptions}</select></label>
${siteFilter(model)}
<label>Status<select data-testid="filter-status"><option value="">all files</option><option value="changed">changed</option><option value="unchanged">unchanged</option><option value="failed">failed</option><option value="issues">warnings / conflicts</option></select></label>
<label>Duplicates<select data-testid="filter-dup"><option value="">any</option><option value="member">duplicate members</option><option value="kept">kept copies</option><option value="any">in a cluster</option><option value="none">not in a cluster</option></select></label>
<label>Removed at least (%)<span class="range"><input type="range" min="0" max="100" step="1" value="0" data-testid="filter-removed" aria-label="removed share threshold"><input type="number" min="0" max="100" step="1" value="0" data-testid="filter-removed-number" aria-label="removed share threshold, percent"></span></label>
<label>Sort<select data-testid="sort"><option value="">report order</option><option value="path">path</option><option value="edits">most edits</option><option value="removed">most removed</option><option value="ms">slowest</option><option value="size">largest</option></select></label>
</div>
<div class="list-head"><span>File</span><span class="num">Edits</span><span class="num">Removed</span></div>
<div class="list" id="list" data-testid="file-list" tabindex="-1"><div class="list-inner" id="list-inner"></div></div>
<div class="list-foot"><span data-testid="file-count"></span><span><kbd>]</kbd>/<kbd>[</kbd> next/prev file</span></div>
</div>
<div class="view-pane" id="view" data-testid="file-view"><div class="view-empty">Select a file to review its changes.</div></div>
</div>`
}

/** The site filter, when the documents have sites. */
function siteFilter(model: PageModel): string {
  if (model.sites.length === 0) return '<select data-testid="filter-site" hidden><option value=""></option></select>'
  const options = [...model.sites]
    .sort((a, b) => a.site.localeCompare(b.site))
    .map((s) => `<option value="${s.index}">${h(`${s.site}/ (${fmtInt(s.documents)} files)`)}</option>`)
    .join('')
  return `<label>Site<select data-testid="filter-site"><option value="">all sites</option>${options}<option value="-1">no site (top of IN)</option></select></label>`
}

/** Each site's documents and the rules that fired there, most edits first. */
function sitesCard(model: PageModel): string {
  if (model.sites.length === 0) return ''
  const TOP = 8
  const rows = [...model.sites]
    .sort((a, b) => a.site.localeCompare(b.site))
    .map((s) => {
      const rules = [...s.rules.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])
      const shown = rules
        .slice(0, TOP)
        .map(([ri, count]) => `<code>${h(model.rules[ri]!.rule)}</code> ${fmtInt(count)}`)
        .join(', ')
      return `<tr data-testid="site-row" data-site="${h(s.site)}"><td class="path">${h(s.site)}/</td><td class="num">${fmtInt(s.documents)}</td><td class="num">${fmtInt(s.changed)}</td><td>${shown}${rules.length > TOP ? ` and ${fmtInt(rules.length - TOP)} more` : ''}</td></tr>`
    })
    .join('')
  return `<div class="card" data-testid="sites-table"><h2>Rules per site</h2><table><thead><tr><th>Site</th><th class="num">Files</th><th class="num">Changed</th><th>Rules (edits)</th></tr></thead><tbody>${rows}</tbody></table></div>`
}

function rulesPanel(model: PageModel): string {
  const rows = [...model.rules].sort((a, b) => b.edits + b.folded - (a.edits + a.folded) || a.rule.localeCompare(b.rule))
  return `<div class="card"><h2>Rules that fired</h2><table data-testid="rules-table"><thead><tr><th>Rule</th><th>Stage</th><th class="num">Edits</th><th class="num" title="edits later covered by another stage's edit">Folded</th><th class="num">Files</th><th class="num" title="net characters removed by the rule's top-level edits">Chars removed</th><th></th></tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr data-testid="rule-row" data-rule="${h(r.rule)}" data-stage="${h(r.stage)}"><td><code>${h(r.rule)}</code></td><td><span class="chip si${r.stageIndex}">${h(r.stage)}</span></td><td class="num">${fmtInt(r.edits)}</td><td class="num">${fmtInt(r.folded)}</td><td class="num">${fmtInt(r.files)}</td><td class="num">${fmtInt(r.charsRemoved)}</td><td><a href="#/rule/${r.index}" data-testid="rule-link">show files</a></td></tr>`
    )
    .join('')}</tbody></table>${rows.length ? '' : '<p class="muted">No rule fired.</p>'}</div>${sitesCard(model)}`
}

/** The clusters, until `maxRows` members are listed: a batch of syndicated copies has tens of thousands (the file list filters them all). */
function clustersPanel(report: Report, maxRows: number): string {
  if (report.clusters.length === 0) return '<div class="card"><p class="muted">No duplicate clusters.</p></div>'
  let rows = 0
  const shown = report.clusters.filter((cluster) => (rows += cluster.members.length) - cluster.members.length < maxRows)
  return shown
    .map(
      (
        c
      ) => `<div class="cluster" data-testid="cluster" data-cluster="${h(c.id)}"><h2>${h(c.id)} <span class="muted">${h(c.kind)} · ${fmtInt(c.members.length)} member(s)</span></h2>
<div class="kept">Kept: ${fileLink(c.kept.path)} <span class="muted">— ${h(c.kept.reason)}</span></div>
<table><thead><tr><th>Member</th><th class="num">Similarity</th><th class="num">Containment</th></tr></thead><tbody>${c.members
        .map(
          (m) =>
            `<tr><td class="path">${fileLink(m.path)}</td><td class="num">${fmtPct(m.similarity)}</td><td class="num">${fmtPct(m.containment)}</td></tr>`
        )
        .join('')}</tbody></table></div>`
    )
    .join('\n')
    .concat(more(report.clusters.length, shown.length, 'clusters'))
}

function issuesPanel(report: Report, maxRows: number): string {
  const conflicts = report.conflicts.slice(0, maxRows)
  const failures = report.failures.slice(0, maxRows)
  const warned = report.documents.filter((d) => d.warnings && d.warnings.length > 0)
  return `<div class="stack">
<div class="card" data-testid="conflicts"><h2>Conflicts (${fmtInt(report.conflicts.length)})</h2>${
    conflicts.length
      ? `<table><thead><tr><th>File</th><th>Stage</th><th>Kept</th><th>Dropped</th><th>Resolution</th></tr></thead><tbody>${conflicts
          .map(
            (c) =>
              `<tr><td class="path">${fileLink(c.path)}</td><td>${h(c.stage)}</td><td><code>${h(c.kept.rule)}</code></td><td><code>${h(c.dropped.rule)}</code> <span class="muted">${h(c.dropped.reason)}</span></td><td>${h(c.resolution)}</td></tr>`
          )
          .join('')}</tbody></table>${more(report.conflicts.length, conflicts.length, 'conflicts')}`
      : '<p class="muted">None.</p>'
  }</div>
<div class="card" data-testid="failures"><h2>Failures (${fmtInt(report.failures.length)})</h2>${
    failures.length
      ? `<table><thead><tr><th>File</th><th>Error</th></tr></thead><tbody>${failures
          .map((f) => `<tr><td class="path">${fileLink(f.path)}</td><td><code class="err">${h(f.error)}</code></td></tr>`)
          .join('')}</tbody></table>${more(report.failures.length, failures.length, 'failures')}`
      : '<p class="muted">None.</p>'
  }</div>
${staleCard(report, maxRows)}<div class="card" data-testid="warnings"><h2>Files with warnings (${fmtInt(warned.length)})</h2>${
    warned.length
      ? `<table><thead><tr><th>File</th><th>Warning</th></tr></thead><tbody>${warned
          .slice(0, maxRows)
          .map((d) => `<tr><td class="path">${fileLink(d.path)}</td><td>${(d.warnings ?? []).map((w) => h(w)).join('<br>')}</td></tr>`)
          .join('')}</tbody></table>${more(warned.length, Math.min(maxRows, warned.length), 'files with warnings')}`
      : '<p class="muted">None.</p>'
  }</div>
</div>`
}

/** Outputs whose input is gone: shown only when a run found any. */
function staleCard(report: Report, maxRows: number): string {
  const stale = report.stale
  if (!stale || stale.outputs.length === 0) return ''
  const shown = stale.outputs.slice(0, maxRows)
  const title = stale.pruned ? 'Pruned outputs, whose input is gone' : 'Outputs without an input in this run (kept; --prune deletes them)'
  return `<div class="card" data-testid="stale"><h2>${h(title)} (${fmtInt(stale.outputs.length)})</h2><table><thead><tr><th>Output</th></tr></thead><tbody>${shown
    .map((path) => `<tr><td class="path">${h(path)}</td></tr>`)
    .join('')}</tbody></table>${more(stale.outputs.length, shown.length, 'outputs')}</div>
`
}

/** The whole page for a report; `texts` maps a document's path to its original text. */
export function renderReportHtml(report: Report, texts: Map<string, string>, options: RenderOptions = {}): string {
  const {before, data, after} = renderReportParts(report, texts, options)
  return before + packForScript(data) + after
}

/**
 * The page around its data, and the data: a large batch's page is written in
 * pieces (`packForScriptStream` between `before` and `after`), never held whole.
 */
export function renderReportParts(
  report: Report,
  texts: ReadonlyMap<string, string>,
  options: RenderOptions = {}
): {before: string; data: PageData; after: string} {
  const model = buildPageModel(report, texts, options)
  const colours = stageColours(model.data.stages)
  const stageCss = colours.map((c, i) => `.si${i}{--sc:${c}}`).join('')
  const title = options.title ?? 'rinse report'
  const maxRows = options.maxIssueRows ?? 1000
  const issues = report.conflicts.length + report.failures.length + report.documents.filter((d) => d.warnings?.length).length
  const before = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="rinse">
<title>${h(title)}</title>
<style>${REPORT_CSS}${stageCss}</style>
</head>
<body>
<header class="top">
<div class="top-row"><h1>${h(title)}</h1><span class="muted">${h(report.pipeline.source)}</span></div>
${summary(report, model)}
<nav class="tabs" aria-label="Sections">
<a href="#/overview" data-tab="overview">Overview</a>
<a href="#/files" data-tab="files" data-testid="tab-files">Files</a>
<a href="#/rules" data-tab="rules" data-testid="tab-rules">Rules (${fmtInt(model.rules.length)})</a>
<a href="#/dups" data-tab="dups" data-testid="tab-dups">Duplicates (${fmtInt(report.clusters.length)})</a>
<a href="#/issues" data-tab="issues" data-testid="tab-issues">Issues (${fmtInt(issues)})</a>
${compareTab(options.comparison)}
<a href="#/decisions" data-tab="decisions" data-testid="tab-decisions">Decisions (<span data-testid="decision-count">0</span>)</a>
</nav>
</header>
<main>
<noscript><p class="note">The file list and per-file views need JavaScript; the summary, rules and clusters below work without it.</p></noscript>
<section data-panel="overview" aria-label="Overview">${overview(report, model)}</section>
<section data-panel="files" aria-label="Files">${filesPanel(model)}</section>
<section data-panel="rules" aria-label="Rules">${rulesPanel(model)}</section>
<section data-panel="dups" aria-label="Duplicate clusters">${clustersPanel(report, maxRows)}</section>
<section data-panel="issues" aria-label="Issues">${issuesPanel(report, maxRows)}</section>
${comparePanel(options.comparison)}
<section data-panel="decisions" aria-label="Review decisions"><div id="decisions" data-testid="decisions"></div></section>
</main>
<div id="tip" role="tooltip" data-testid="tooltip" hidden></div>
<script type="application/octet-stream" id="rinse-data" data-encoding="gzip-base64">`
  const after = `</script>
<script>${clientScript()}</script>
</body>
</html>
`
  return {before, data: model.data, after}
}
