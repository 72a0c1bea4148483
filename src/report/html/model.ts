/**
 * The data behind the HTML report: aggregates for the static summary and a
 * compact JSON payload for the browser script (strings interned, edits as tuples).
 */
import type {PageReportInput as Report} from '../read-report.js'
import {editsMatch} from '../../engine/apply-edits.js'
import {removedShare} from './util.js'
import {splitRuleKey, stageRank} from '../summarize.js'
import {Interner} from '../interner.js'

/** `[ruleIndex, reasonIndex]` of an edit folded into a later one (the page names it; its text is inside the later edit's). */
export type FoldedTuple = [number, number]

/**
 * `[ruleIndex, reasonIndex, gap, length, after, lineStep, before, folded]`: the
 * edit starts `gap` characters after the previous edit's end (the first after the
 * start of the text), spans `length` characters of the original, and starts
 * `lineStep` lines below the previous edit's line (the page makes these absolute
 * when it loads; all lines are 0 when the original could not be rebuilt).
 * `before` is null when the document's original text is embedded (it is that
 * range of the text); `folded` is null when nothing was folded. Trailing nulls are left out.
 */
export type EditTuple = [number, number, number, number, string, number, (string | null)?, (FoldedTuple[] | null)?]

/** `[stage, keptRule, droppedRule, droppedReason, resolution, start, end]`. */
export type ConflictTuple = [string, string, string, string, string, number, number]

export interface PageDoc {
  /** Path. */
  p: string
  /** Bytes in / out, milliseconds. */
  bi: number
  bo: number
  ms: number
  /** Share of bytes removed. */
  rm: number
  /** Stage indices and rule indices that fired here, folded edits included. */
  ss: number[]
  rs: number[]
  e: EditTuple[]
  /** Original text, or null when it is not embedded (see `tn`). */
  t: string | null
  /** Why the text is missing. */
  tn?: string
  /** How many edits, when they were left out of the page (\`e\` is then empty). */
  n?: number
  /** Error, for a failed document. */
  f?: string
  w?: string[]
  c?: ConflictTuple[]
  /** The document's site, an index into `sites`; absent when it has none. */
  s?: number
  /** Indices of clusters this document is a (removed) member of, and of clusters it is the kept copy of. */
  dm?: number[]
  dk?: number[]
}

export interface PageCluster {
  id: string
  kind: string
  kept: string
  why: string
  /** `[path, similarity, containment]`. */
  m: Array<[string, number, number]>
}

export interface PageData {
  v: 1
  /** The run's report id: the page keeps review decisions under it. */
  run: string
  stages: string[]
  /** `[stageIndex, ruleId]`. */
  rules: Array<[number, string]>
  reasons: string[]
  /** The documents' sites (report.json's `site`), in order of first appearance. */
  sites: string[]
  docs: PageDoc[]
  clusters: PageCluster[]
}

/** A site's documents, and its edits per rule (indices of `rules`). */
export interface SiteRow {
  index: number
  site: string
  documents: number
  changed: number
  rules: Map<number, number>
}

export interface RuleRow {
  index: number
  stage: string
  stageIndex: number
  rule: string
  /** Top-level edits, folded edits, files where it fired. */
  edits: number
  folded: number
  files: number
  /** Net characters removed by its top-level edits. */
  charsRemoved: number
}

export interface PageModel {
  data: PageData
  rules: RuleRow[]
  sites: SiteRow[]
  /** Per stage: top-level and folded edit counts. */
  stageCounts: Array<{stage: string; stageIndex: number; edits: number; folded: number}>
  /** Documents whose text could not be embedded, by reason. */
  textNotes: Map<string, number>
}

export interface ModelOptions {
  /** Total UTF-16 characters of original text to embed; documents past it show their edits only. */
  maxTextChars?: number
}

export const DEFAULT_MAX_TEXT_CHARS = 16 * 1024 * 1024

function pipelineStageNames(report: Report): string[] {
  const names: string[] = []
  for (const stage of report.pipeline.stages) {
    if (typeof stage === 'string') names.push(stage)
    else if (stage && typeof stage === 'object') {
      const name = (stage as Record<string, unknown>).name ?? (stage as Record<string, unknown>).stage
      if (typeof name === 'string') names.push(name)
    }
  }
  return names
}

export function buildPageModel(report: Report, texts: ReadonlyMap<string, string>, options: ModelOptions = {}): PageModel {
  const model = new ModelTables(pipelineStageNames(report))
  const {embed, countsOnly} = textsToEmbed(report, texts, options.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS)
  const docs: PageDoc[] = []
  const docByPath = new Map<string, PageDoc>()
  for (const doc of report.documents) {
    const page = model.pageDocument(doc, embed.has(doc.path) ? texts.get(doc.path)! : null)
    if (doc.omitted || countsOnly.has(doc.path)) {
      if (!doc.omitted) page.e = []
      page.n = doc.omitted ? doc.omitted.edits : doc.edits.length
      page.tn = model.note('edits left out to keep the page small')
    } else if (page.t === null) {
      const text = texts.get(doc.path)
      page.tn = model.note(
        text === undefined
          ? 'original text not available'
          : !editsMatch(text, doc.edits)
            ? 'original text does not match the edits'
            : 'text left out to keep the report small'
      )
    }
    if (doc.site) page.s = model.countSite(doc, doc.site)
    if (doc.warnings && doc.warnings.length > 0) page.w = doc.warnings
    if (doc.conflicts.length > 0) page.c = doc.conflicts.map(conflictTuple)
    docs.push(page)
    docByPath.set(doc.path, page)
  }
  for (const failure of report.failures) {
    const page: PageDoc = {p: failure.path, bi: 0, bo: 0, ms: 0, rm: 0, ss: [], rs: [], e: [], t: null, f: failure.error}
    docs.push(page)
    docByPath.set(failure.path, page)
  }
  return {
    data: {
      v: 1,
      run: report.id ?? report.pipeline.hash,
      stages: model.stages.values,
      rules: model.rules.map((r) => [r.stageIndex, r.rule]),
      reasons: model.reasons.values,
      sites: model.siteNames.values,
      docs,
      clusters: pageClusters(report.clusters, docByPath)
    },
    rules: model.rules,
    sites: model.sites,
    stageCounts: stageCounts(model.stages.values, model.rules),
    textNotes: model.textNotes
  }
}

/**
 * What text the page embeds, within one character budget: changed documents
 * first (they are what a reviewer reads), each with its original or, when that
 * does not fit, with the before texts of its edits; past the budget a document
 * keeps only its counts. Then the originals of unchanged documents.
 */
function textsToEmbed(report: Report, texts: ReadonlyMap<string, string>, budget: number): {embed: Set<string>; countsOnly: Set<string>} {
  const embed = new Set<string>()
  const countsOnly = new Set<string>()
  const byPriority = report.documents.filter((doc) => !doc.omitted).sort((a, b) => Number(b.edits.length > 0) - Number(a.edits.length > 0))
  for (const doc of byPriority) {
    const text = texts.get(doc.path)
    if (text !== undefined && text.length <= budget && editsMatch(text, doc.edits)) {
      budget -= text.length
      embed.add(doc.path)
    } else if (doc.edits.length > 0) {
      const befores = doc.edits.reduce((chars, edit) => chars + edit.before.length, 0)
      if (befores <= budget) budget -= befores
      else countsOnly.add(doc.path)
    }
  }
  return {embed, countsOnly}
}

type Document = Report['documents'][number]

/** The page's interned tables (stages, rules, reasons, sites) and the counters kept per rule and site, filled document by document. */
class ModelTables {
  readonly stages = new Interner()
  readonly rules: RuleRow[] = []
  readonly reasons = new Interner()
  readonly siteNames = new Interner()
  readonly sites: SiteRow[] = []
  /** Documents whose text could not be embedded, by reason. */
  readonly textNotes = new Map<string, number>()
  readonly #ruleKeys = new Interner()

  constructor(stageNames: readonly string[]) {
    for (const name of stageNames) this.stages.get(name)
  }

  ruleIndex(stage: string, rule: string): number {
    const stageIndex = this.stages.get(stage)
    const index = this.#ruleKeys.get(`${stageIndex}\u0000${rule}`)
    if (index === this.rules.length) this.rules.push({index, stage, stageIndex, rule, edits: 0, folded: 0, files: 0, charsRemoved: 0})
    return index
  }

  note(why: string): string {
    this.textNotes.set(why, (this.textNotes.get(why) ?? 0) + 1)
    return why
  }

  /** A document's entry with its edits as tuples (their before texts when `text` is not embedded), counted per rule. */
  pageDocument(doc: Document, text: string | null): PageDoc {
    const stageSet = new Set<number>()
    const ruleSet = new Set<number>()
    const fired = (index: number): RuleRow => {
      const row = this.rules[index]!
      ruleSet.add(index)
      stageSet.add(row.stageIndex)
      return row
    }
    let previousEnd = 0
    let previousLine = 0
    const e = doc.edits.map((edit): EditTuple => {
      const ri = this.ruleIndex(edit.stage, edit.rule)
      const row = fired(ri)
      row.edits++
      row.charsRemoved += Math.max(0, edit.before.length - edit.after.length)
      const folded = edit.folded?.length
        ? edit.folded.map((f): FoldedTuple => {
            const fi = this.ruleIndex(f.stage, f.rule)
            fired(fi).folded++
            return [fi, this.reasons.get(f.reason)]
          })
        : null
      const gap = edit.start.offset - previousEnd
      const tuple: EditTuple = [
        ri,
        this.reasons.get(edit.reason),
        gap,
        edit.end.offset - edit.start.offset,
        edit.after,
        edit.start.line - previousLine
      ]
      previousEnd = edit.end.offset
      previousLine = edit.start.line
      if (folded) tuple.push(text === null ? edit.before : null, folded)
      else if (text === null) tuple.push(edit.before)
      return tuple
    })
    for (const [key, count] of Object.entries(doc.omitted?.rules ?? {})) {
      const {stage, rule} = splitRuleKey(key)
      fired(this.ruleIndex(stage, rule)).edits += count
    }
    for (const ri of ruleSet) this.rules[ri]!.files++
    return {
      p: doc.path,
      bi: doc.bytesIn,
      bo: doc.bytesOut,
      ms: doc.ms,
      rm: removedShare(doc.bytesIn, doc.bytesOut),
      ss: [...stageSet].sort((a, b) => a - b),
      rs: [...ruleSet].sort((a, b) => a - b),
      e,
      t: text
    }
  }

  /** Counts a document on its site's row (documents, changed, edits per rule); the site's index. */
  countSite(doc: Document, site: string): number {
    const index = this.siteNames.get(site)
    if (index === this.sites.length) this.sites.push({index, site, documents: 0, changed: 0, rules: new Map()})
    const row = this.sites[index]!
    row.documents++
    if (doc.edits.length > 0 || doc.omitted) row.changed++
    for (const edit of doc.edits) {
      const ri = this.ruleIndex(edit.stage, edit.rule)
      row.rules.set(ri, (row.rules.get(ri) ?? 0) + 1)
    }
    return index
  }
}

function conflictTuple(c: Document['conflicts'][number]): NonNullable<PageDoc['c']>[number] {
  return [c.stage, c.kept.rule, c.dropped.rule, c.dropped.reason, c.resolution, c.dropped.start, c.dropped.end]
}

/** Each cluster with its members; the documents note the clusters they keep (`dk`) or are members of (`dm`). */
function pageClusters(clusters: Report['clusters'], docByPath: ReadonlyMap<string, PageDoc>): PageCluster[] {
  return clusters.map((cluster, ci) => {
    const kept = docByPath.get(cluster.kept.path)
    if (kept) (kept.dk ??= []).push(ci)
    return {
      id: cluster.id,
      kind: cluster.kind,
      kept: cluster.kept.path,
      why: cluster.kept.reason,
      m: cluster.members.map((member) => {
        const doc = docByPath.get(member.path)
        if (doc && !(doc.dm ??= []).includes(ci)) doc.dm.push(ci)
        return [member.path, member.similarity, member.containment]
      })
    }
  })
}

/** Per stage: its top-level and folded edits, in the order the stages run. */
function stageCounts(stages: readonly string[], rules: readonly RuleRow[]): PageModel['stageCounts'] {
  const counts = stages.map((stage, stageIndex) => ({stage, stageIndex, edits: 0, folded: 0}))
  for (const row of rules) {
    counts[row.stageIndex]!.edits += row.edits
    counts[row.stageIndex]!.folded += row.folded
  }
  return counts.sort((a, b) => stageRank(a.stage) - stageRank(b.stage) || a.stageIndex - b.stageIndex)
}

/** Stage colours: the built-in stages keep theirs, others take from a palette. */
const KNOWN_COLOURS: Record<string, string> = {
  normalize: '#2563eb',
  boilerplate: '#dc2626',
  repair: '#059669',
  dedup: '#7c3aed'
}
const PALETTE = ['#d97706', '#0891b2', '#db2777', '#4d7c0f', '#475569', '#9333ea', '#b45309', '#0f766e']

export function stageColours(stages: readonly string[]): string[] {
  let next = 0
  return stages.map((stage) => KNOWN_COLOURS[stage] ?? PALETTE[next++ % PALETTE.length]!)
}
