/**
 * Overlays applied to built stages: every pass's proposals pass through the
 * review's decisions for the document (rules switched off on its scope, lines
 * always kept), and the boilerplate stage gets one more pass removing the lines
 * the review always removes. The stages themselves stay as they are, so the
 * corpus hooks, traces and worker threads work the same with or without overlays.
 */
import {deleteBlocks} from '../../stages/delete-blocks.js'
import {cleanDocument} from '../../engine/clean-document.js'
import type {ConfiguredStage, CorpusHooks, DropDecision, Pass, StageInput} from '../../engine/stage.js'
import type {ProposedEdit} from '../../engine/types.js'
import {ENTRY_KINDS, type LineEntry, type Overlay, type RuleOff} from './overlay.js'
import {scopeLabel, scopeMatcher} from './scope.js'
import {KEPT_BY_REVIEW, REVIEW_REMOVE, tagged} from './tags.js'

/** What the overlays decide for one document: later overlays and scopes override earlier ones. */
interface Decisions {
  rulesOff: Map<string, RuleOff & {scope: string}>
  lines: Map<string, {kind: 'keep' | 'remove'; entry: LineEntry}>
}

/** A line as decisions match it: trimmed, its spacing collapsed (normalize may have changed the spaces). */
export function lineKey(line: string): string {
  return line.trim().replace(/\s+/g, ' ')
}

/** `siteOf`: a document's site, for the scopes that name one (see review/site.ts). */
export function applyOverlays(
  stages: readonly ConfiguredStage[],
  overlays: readonly Overlay[],
  siteOf: (path: string) => string
): ConfiguredStage[] {
  const decide = decisionsFor(overlays, siteOf, lineForms(stages))
  const wrapped = stages.map((stage) => reviewed(stage, decide))
  const removal = removalPass(decide)
  const boilerplate = wrapped.findIndex((stage) => stage.name === 'boilerplate')
  if (boilerplate === -1) return [...wrapped, {name: 'review', source: 'rinse-review', options: {}, passes: [removal]}]
  const stage = wrapped[boilerplate]!
  wrapped[boilerplate] = {...stage, passes: [...stage.passes, removal]}
  return wrapped
}

/** The decisions for a document, by its path and its site when the runner knows it. */
type Decide = (path: string, site?: string) => Decisions

/**
 * The keys a line entry matches: the line as written, and as each stage that
 * rewrites characters (normalize, repair) leaves it, in pipeline order. A
 * reviewer copies lines from the report, which shows the original text
 * (`Caf&eacute;`), while the stages see it rewritten (`Café`).
 */
function lineForms(stages: readonly ConfiguredStage[]): (line: string) => string[] {
  const rewriting = stages.filter((stage) => REWRITING.has(stage.name))
  return (line) => {
    const keys = new Set([lineKey(line)])
    let text = line
    for (const stage of rewriting) {
      text = cleanDocument(text, [stage]).text
      if (lineKey(text)) keys.add(lineKey(text))
    }
    return [...keys]
  }
}

/** Stages that change characters of a line but remove none. */
const REWRITING = new Set(['normalize', 'repair'])

function decisionsFor(overlays: readonly Overlay[], siteOf: (path: string) => string, forms: (line: string) => string[]): Decide {
  const scopes = overlays.flatMap((overlay) => overlay.scopes).map((scope) => ({scope, matches: scopeMatcher(scope, siteOf)}))
  // Worked out once per entry, not per document.
  const keys = new Map<LineEntry, string[]>()
  const keysOf = (entry: LineEntry): string[] => keys.get(entry) ?? keys.set(entry, forms(entry.line)).get(entry)!
  // Passes ask for one document many times in a row.
  let last: {path: string; site: string | undefined; decisions: Decisions} | undefined
  return (path, site) => {
    if (last?.path === path && last.site === site) return last.decisions
    const decisions: Decisions = {rulesOff: new Map(), lines: new Map()}
    for (const {scope, matches} of scopes) {
      if (!matches(path, site)) continue
      for (const entry of scope.rulesOff) decisions.rulesOff.set(entry.rule, {...entry, scope: scopeLabel(scope)})
      for (const kind of ENTRY_KINDS) {
        if (kind === 'rulesOff') continue
        for (const entry of scope[kind]) for (const key of keysOf(entry)) decisions.lines.set(key, {kind, entry})
      }
    }
    last = {path, site, decisions}
    return decisions
  }
}

function reviewed(stage: ConfiguredStage, decide: Decide): ConfiguredStage {
  const drop = stage.corpus?.drop?.bind(stage.corpus)
  const passes = stage.passes.map((pass, index): Pass => ({
    propose: (input, prepared) => {
      if (index === 0 && drop) noteDropOff(stage.name, input, drop(input.path, input.site), decide(input.path, input.site))
      return review(stage.name, input, pass.propose(input, prepared), decide(input.path, input.site))
    },
    ...(pass.prepare ? {prepare: (input: StageInput) => pass.prepare!(input)} : {})
  }))
  return {...stage, passes, ...(stage.corpus ? {corpus: withoutDropsOff(stage.name, stage.corpus, decide)} : {})}
}

/** The rule switched off here that stops a whole-document drop, when one does. */
function dropOff(stage: string, decision: DropDecision | undefined, decisions: Decisions): (RuleOff & {scope: string}) | undefined {
  return decision && (decisions.rulesOff.get(decision.rule) ?? decisions.rulesOff.get(`${stage}/${decision.rule}`))
}

/** A document kept because the rule dropping it is off: said once, at the stage's first pass, so the entry is not stale. */
function noteDropOff(stage: string, input: StageInput, decision: DropDecision | undefined, decisions: Decisions): void {
  const off = dropOff(stage, decision, decisions)
  if (!off || !decision) return
  input.warn({
    start: 0,
    end: 0,
    rule: KEPT_BY_REVIEW,
    reason: tagged(`not dropped: the rule is off on ${off.scope}; ${stage}/${decision.rule} would drop it (${decision.reason})`, off.id)
  })
}

/** The stage's edits less those of rules switched off here and those removing a kept line, each noted as a warning. */
function review(stage: string, input: StageInput, edits: ProposedEdit[], decisions: Decisions): ProposedEdit[] {
  if (edits.length === 0 || (decisions.rulesOff.size === 0 && decisions.lines.size === 0)) return edits
  const kept = keptLines(input.text, decisions)
  const suppressed = new Map<RuleOff & {scope: string}, ProposedEdit[]>()
  const result = edits.filter((edit) => {
    const off = decisions.rulesOff.get(edit.rule) ?? decisions.rulesOff.get(`${stage}/${edit.rule}`)
    if (off) {
      suppressed.set(off, [...(suppressed.get(off) ?? []), edit])
      return false
    }
    const line = kept.find(
      (k) => edit.start <= k.start && edit.end >= k.end && !edit.replacement.includes(input.text.slice(k.start, k.end))
    )
    if (!line) return true
    input.warn({
      start: line.start,
      end: line.end,
      rule: KEPT_BY_REVIEW,
      reason: tagged(`kept by review; ${stage}/${edit.rule} would remove it (${edit.reason})`, line.entry.id)
    })
    return false
  })
  for (const [off, lost] of suppressed) {
    input.warn({
      start: lost[0]!.start,
      end: lost[0]!.end,
      rule: KEPT_BY_REVIEW,
      reason: tagged(
        `${lost.length} ${stage}/${lost[0]!.rule} edit${lost.length === 1 ? '' : 's'} not made: the rule is off on ${off.scope}`,
        off.id
      )
    })
  }
  return result
}

/** The kept lines of a text: their content's range (no surrounding spaces) and the entry keeping them. */
function keptLines(text: string, decisions: Decisions): Array<{start: number; end: number; entry: LineEntry}> {
  const found: Array<{start: number; end: number; entry: LineEntry}> = []
  if (![...decisions.lines.values()].some((decision) => decision.kind === 'keep')) return found
  for (let start = 0; start <= text.length;) {
    const newline = text.indexOf('\n', start)
    const end = newline === -1 ? text.length : newline
    const decision = decisions.lines.get(lineKey(text.slice(start, end)))
    if (decision?.kind === 'keep') {
      const line = text.slice(start, end)
      const lead = line.length - line.trimStart().length
      found.push({start: start + lead, end: start + line.trimEnd().length, entry: decision.entry})
    }
    if (newline === -1) break
    start = newline + 1
  }
  return found
}

/** The pass removing the lines the review always removes, as whole blocks (paragraph spacing kept). */
function removalPass(decide: Decide): Pass {
  return {
    propose(input) {
      const decisions = decide(input.path, input.site)
      if (decisions.lines.size === 0) return []
      const blocks = input.blocks()
      const deletions = blocks.flatMap((block) => {
        const decision = decisions.lines.get(lineKey(block.text))
        if (decision?.kind !== 'remove') return []
        const why = decision.entry.why ? `: ${decision.entry.why}` : ''
        return [{block, rule: REVIEW_REMOVE, reason: tagged(`always removed by review${why}`, decision.entry.id)}]
      })
      return deletions.length > 0 ? deleteBlocks(input.text, blocks, deletions) : []
    }
  }
}

/** The corpus hooks as they are, except that a whole document is not dropped by a rule switched off on it. */
function withoutDropsOff(stage: string, corpus: CorpusHooks, decide: Decide): CorpusHooks {
  const {drop, clusters} = corpus
  return {
    collect: (input) => corpus.collect(input),
    build: (signatures) => corpus.build(signatures),
    fingerprint: () => corpus.fingerprint(),
    // Whole for the threads too: the stage's first pass there notes a drop the review stopped.
    snapshot: () => corpus.snapshot('whole'),
    restore: (snapshot) => corpus.restore(snapshot),
    ...(clusters ? {clusters: () => clusters.call(corpus)} : {}),
    ...(drop
      ? {
          drop: (path: string, site?: string) => {
            const decision = drop.call(corpus, path, site)
            return dropOff(stage, decision, decide(path, site)) ? undefined : decision
          }
        }
      : {})
  }
}
