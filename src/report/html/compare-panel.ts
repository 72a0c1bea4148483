/** The Compare tab (`rinse run --compare OLD_OUT`): documents cleaned differently, and edits per rule and per site, old and new. */
import type {Comparison, RuleChange} from '../compare.js'
import {escapeHtml as h, fmtInt} from './util.js'

/** A comparison with each document's two versions as links from the page (relative to OUT). */
export interface PageComparison extends Omit<Comparison, 'changed'> {
  changed: Array<{path: string; old: string | null; new: string | null}>
}

const fileHref = (path: string): string => `#/file/${encodeURIComponent(path)}`
const fileLink = (href: string | null): string =>
  href === null ? '<span class="muted">none</span>' : `<a href="${h(href)}">${h(href)}</a>`

function ruleRows(rules: readonly RuleChange[]): string {
  return rules
    .map((r) => {
      const change = r.new - r.old
      return `<tr><td>${h(r.rule)}</td><td class="num">${fmtInt(r.old)}</td><td class="num">${fmtInt(r.new)}</td><td class="num">${change > 0 ? '+' : '−'}${fmtInt(Math.abs(change))}</td></tr>`
    })
    .join('')
}

export function compareTab(comparison: PageComparison | undefined): string {
  return comparison
    ? `<a href="#/compare" data-tab="compare" data-testid="tab-compare">Compare (${fmtInt(comparison.changed.length)})</a>`
    : ''
}

export function comparePanel(comparison: PageComparison | undefined): string {
  if (!comparison) return ''
  const head = '<thead><tr><th>Rule</th><th>Old</th><th>New</th><th>Change</th></tr></thead>'
  return `<section data-panel="compare" aria-label="Compare with an earlier run"><div class="stack">
<div class="card" data-testid="compare-documents"><h2>Cleaned differently from ${h(comparison.old)}: ${fmtInt(comparison.changed.length)} of ${fmtInt(comparison.documents)} documents</h2>
<table><thead><tr><th>Document</th><th>Old version</th><th>New version</th></tr></thead><tbody>${comparison.changed
    .map(
      (d) =>
        `<tr data-testid="compare-row" data-path="${h(d.path)}"><td class="path"><a href="${h(fileHref(d.path))}">${h(d.path)}</a></td><td class="path">${fileLink(d.old)}</td><td class="path">${fileLink(d.new)}</td></tr>`
    )
    .join('')}</tbody></table></div>
<div class="card" data-testid="compare-rules"><h2>Edits per rule</h2><table>${head}<tbody>${ruleRows(comparison.rules)}</tbody></table></div>
<div class="card" data-testid="compare-sites"><h2>Edits per rule and site</h2>${comparison.sites
    .map((s) => `<h3>${h(s.site ? `${s.site}/` : '(top of IN)')}</h3><table>${head}<tbody>${ruleRows(s.rules)}</tbody></table>`)
    .join('')}</div>
</div></section>`
}
