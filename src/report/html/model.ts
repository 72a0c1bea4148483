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
  const stages = new Interner()
  for (const name of pipelineStageNames(report)) stages.get(name)
  const ruleKeys = new Interner()
  const rules: RuleRow[] = []
  const reasons = new Interner()
  const textNotes = new Map<string, number>()
  const siteNames = new Interner()
  const sites: SiteRow[] = []

  const ruleIndex = (stage: string, rule: string): number => {
    const si = stages.get(stage)
    const i = ruleKeys.get(`${si}\u0000${rule}`)
    if (i === rules.length) rules.push({index: i, stage, stageIndex: si, rule, edits: 0, folded: 0, files: 0, charsRemoved: 0})
    return i
  }

  // What text the page embeds, within one character budget: changed documents
  // first (they are what a reviewer reads), each with its original or, when that
  // does not fit, with the before texts of its edits; past the budget a document
  // keeps only its counts. Then the originals of unchanged documents.
  let budget = options.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS
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
  const note = (why: string): string => {
    textNotes.set(why, (textNotes.get(why) ?? 0) + 1)
    return why
  }

  const docs: PageDoc[] = []
  const docByPath = new Map<string, PageDoc>()
  for (const doc of report.documents) {
    const stageSet = new Set<number>()
    const ruleSet = new Set<number>()
    const hasText = embed.has(doc.path)
    let previousEnd = 0
    let previousLine = 0
    const e: EditTuple[] = doc.edits.map((edit) => {
      const ri = ruleIndex(edit.stage, edit.rule)
      const row = rules[ri]!
      row.edits++
      row.charsRemoved += Math.max(0, edit.before.length - edit.after.length)
      ruleSet.add(ri)
      stageSet.add(row.stageIndex)
      let folded: FoldedTuple[] | null = null
      if (edit.folded && edit.folded.length > 0) {
        folded = edit.folded.map((f) => {
          const fi = ruleIndex(f.stage, f.rule)
          rules[fi]!.folded++
          ruleSet.add(fi)
          stageSet.add(rules[fi]!.stageIndex)
          return [fi, reasons.get(f.reason)]
        })
      }
      const tuple: EditTuple = [
        ri,
        reasons.get(edit.reason),
        edit.start.offset - previousEnd,
        edit.end.offset - edit.start.offset,
        edit.after,
        edit.start.line - previousLine
      ]
      previousEnd = edit.end.offset
      previousLine = edit.start.line
      if (folded) tuple.push(hasText ? null : edit.before, folded)
      else if (!hasText) tuple.push(edit.before)
      return tuple
    })
    if (doc.omitted) {
      for (const [key, count] of Object.entries(doc.omitted.rules)) {
        const {stage, rule} = splitRuleKey(key)
        const ri = ruleIndex(stage, rule)
        rules[ri]!.edits += count
        ruleSet.add(ri)
        stageSet.add(rules[ri]!.stageIndex)
      }
    }
    for (const ri of ruleSet) rules[ri]!.files++
    const page: PageDoc = {
      p: doc.path,
      bi: doc.bytesIn,
      bo: doc.bytesOut,
      ms: doc.ms,
      rm: removedShare(doc.bytesIn, doc.bytesOut),
      ss: [...stageSet].sort((a, b) => a - b),
      rs: [...ruleSet].sort((a, b) => a - b),
      e,
      t: hasText ? texts.get(doc.path)! : null
    }
    if (doc.omitted) {
      page.n = doc.omitted.edits
      page.tn = note('edits left out to keep the page small')
    } else if (countsOnly.has(doc.path)) {
      page.e = []
      page.n = doc.edits.length
      page.tn = note('edits left out to keep the page small')
    } else if (!hasText) {
      const text = texts.get(doc.path)
      page.tn = note(
        text === undefined
          ? 'original text not available'
          : !editsMatch(text, doc.edits)
            ? 'original text does not match the edits'
            : 'text left out to keep the report small'
      )
    }
    if (doc.site) {
      const index = siteNames.get(doc.site)
      if (index === sites.length) sites.push({index, site: doc.site, documents: 0, changed: 0, rules: new Map()})
      const row = sites[index]!
      row.documents++
      if (e.length > 0 || doc.omitted) row.changed++
      for (const edit of doc.edits) {
        const ri = ruleIndex(edit.stage, edit.rule)
        row.rules.set(ri, (row.rules.get(ri) ?? 0) + 1)
      }
      page.s = index
    }
    if (doc.warnings && doc.warnings.length > 0) page.w = doc.warnings
    if (doc.conflicts.length > 0) {
      page.c = doc.conflicts.map((c) => [
        c.stage,
        c.kept.rule,
        c.dropped.rule,
        c.dropped.reason,
        c.resolution,
        c.dropped.start,
        c.dropped.end
      ])
    }
    docs.push(page)
    docByPath.set(doc.path, page)
  }
  for (const failure of report.failures) {
    const page: PageDoc = {p: failure.path, bi: 0, bo: 0, ms: 0, rm: 0, ss: [], rs: [], e: [], t: null, f: failure.error}
    docs.push(page)
    docByPath.set(failure.path, page)
  }

  const clusters: PageCluster[] = report.clusters.map((cluster, ci) => {
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

  const stageCounts = stages.values.map((stage, stageIndex) => ({stage, stageIndex, edits: 0, folded: 0}))
  for (const row of rules) {
    stageCounts[row.stageIndex]!.edits += row.edits
    stageCounts[row.stageIndex]!.folded += row.folded
  }
  stageCounts.sort((a, b) => stageRank(a.stage) - stageRank(b.stage) || a.stageIndex - b.stageIndex)

  return {
    data: {
      v: 1,
      run: report.id ?? report.pipeline.hash,
      stages: stages.values,
      rules: rules.map((r) => [r.stageIndex, r.rule]),
      reasons: reasons.values,
      sites: siteNames.values,
      docs,
      clusters
    },
    rules,
    sites,
    stageCounts,
    textNotes
  }
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
