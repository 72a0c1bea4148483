/**
 * Read report.json for the HTML page without holding every edit of a large
 * batch: documents are read one line at a time (the way report.json writes
 * them), and past a budget of edits a document keeps only its counts. The page
 * then lists it with its numbers and points to its diff and report.json.
 */
import {createReadStream} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {createInterface} from 'node:readline'
import {expandEdits, fromEntry, fromEntryV3, mergeTouching, placedEdits, type ExpandedDocument} from './compact.js'
import {
  REPORT_VERSION,
  type DocumentReport,
  type Report,
  type ReportEntry,
  type ReportEntryV3,
  type ReportEntryV4,
  type RuleEntry,
  type StoredDocument
} from './schema.js'
import {readRuleTable, resolveDocument} from './rule-table.js'
import {ReportVersionError} from '../errors.js'

/** What is left of a document whose edits did not fit in the page. */
export interface OmittedEdits {
  edits: number
  /** Edits per `stage/rule`. */
  rules: Record<string, number>
}

/**
 * A document as the page reads it: its edits as `Edit` objects, each place on
 * its own, with their lines (`lines` false for a version-2 report, which has
 * none: the page works them out from the rebuilt original), or only its counts
 * when its edits did not fit in the page.
 */
export type StoredPageDocument = ExpandedDocument & {omitted?: OmittedEdits; lines: boolean}
export type StoredPageReport = Omit<Report, 'documents' | 'rules'> & {documents: StoredPageDocument[]}

/** What the page is built from: documents with full edits (lines from the report or from their rebuilt originals). */
export type PageDocumentInput = ExpandedDocument & {omitted?: OmittedEdits}
export type PageReportInput = Omit<Report, 'documents' | 'id' | 'rules'> & {id?: string; documents: PageDocumentInput[]}

/** Edits the page carries in full; a 100,000-file batch would otherwise make a page no browser opens. */
export const DEFAULT_MAX_PAGE_EDITS = 150_000

/** What a report's document is read as: the compact form (`mapReportDocuments`) or, for the page, `Edit` objects. */
type ReaderFor<D> = (file: string, version: unknown, table: readonly RuleEntry[] | undefined) => (document: unknown) => D

export async function readReportForPage(file: string, maxEdits = DEFAULT_MAX_PAGE_EDITS): Promise<StoredPageReport> {
  let budget = maxEdits
  const fit = (document: StoredPageDocument): StoredPageDocument => {
    if (document.edits.length <= budget) {
      budget -= document.edits.length
      return document
    }
    return {...document, edits: [], omitted: omitted(document.edits)}
  }
  // Past the budget, a version 4 or 5 document's edits are counted as stored, never
  // placed: placing every edit of a large batch to keep a few was most of the memory
  // writing its page took.
  const reader: ReaderFor<StoredPageDocument> = (file, version, table) => {
    const place = pageReader(file, version, table)
    if (version !== REPORT_VERSION && version !== 4) return (document) => fit(place(document))
    return (document) => {
      const entry = document as ReportEntry | ReportEntryV4
      const places = entry.edits.reduce((count, edit) => count + 1 + (edit.also?.length ?? 0), 0)
      if (places > budget) return {...entry, edits: [], lines: true, omitted: omitted(entry.edits)}
      budget -= places
      return place(document)
    }
  }
  return mapReport(file, reader, (document) => document)
}

/** Edits per `stage/rule`, each place counted (a stored edit's `also` are places too). */
function omitted(edits: ReadonlyArray<{stage: string; rule: string; also?: unknown[] | undefined}>): OmittedEdits {
  const rules: Record<string, number> = {}
  let count = 0
  for (const {stage, rule, also} of edits) {
    const places = 1 + (also?.length ?? 0)
    rules[`${stage}/${rule}`] = (rules[`${stage}/${rule}`] ?? 0) + places
    count += places
  }
  return {edits: count, rules}
}

/** A document of a report of this version with its edits as `Edit` objects: the page's form, without a detour through the compact one. */
const pageReader: ReaderFor<StoredPageDocument> = (file, version, table) => {
  // Version 4 stored lines too (its folded edits are placed where their text first occurs).
  if (version === REPORT_VERSION || version === 4)
    return (document) => {
      const entry = document as ReportEntry | ReportEntryV4
      return {...entry, edits: placedEdits(entry.edits), lines: true}
    }
  if (version === 3 || version === 1)
    return (document) => {
      const entry = document as ReportEntryV3
      return {...entry, edits: mergeTouching(entry.edits), lines: true}
    }
  const read = compactReader(file, version, table)
  return (document) => {
    const compact = read(document)
    const {rules: _rules, ...rest} = compact
    return {...rest, edits: expandEdits(compact), lines: false}
  }
}

/**
 * report.json with each document mapped as it is read: one line at a time in the
 * layout rinse writes, so a large batch's edits are never all in memory. Reports
 * of versions 1 to 4 (written by an earlier rinse) are read too, their documents converted.
 */
export async function mapReportDocuments<T>(
  file: string,
  map: (document: DocumentReport) => T
): Promise<Omit<Report, 'documents' | 'rules'> & {documents: T[]}> {
  return mapReport(file, compactReader, map)
}

async function mapReport<D, T>(
  file: string,
  readerFor: ReaderFor<D>,
  map: (document: D) => T
): Promise<Omit<Report, 'documents' | 'rules'> & {documents: T[]}> {
  const table = await readRuleTable(file)
  const streamed = await readByLine(file, readerFor, map, table)
  if (streamed) return streamed
  // Not in the one-document-per-line layout (written by hand or by another tool): read it whole.
  const report = JSON.parse(await readFile(file, 'utf8')) as {version: unknown; documents: unknown[]; rules?: RuleEntry[]}
  const read = readerFor(file, report.version, report.rules)
  const {rules: _rules, ...rest} = report as unknown as Report & {rules?: unknown}
  return {...rest, version: REPORT_VERSION, documents: report.documents.map((document) => map(read(document)))}
}

/** How a document of a report of this version becomes an entry in the compact form, its rules resolved. */
const compactReader: ReaderFor<DocumentReport> = (file, version, table) => {
  if (version === REPORT_VERSION || version === 4) return (document) => fromEntry(document as ReportEntry | ReportEntryV4)
  if (version === 3 || version === 1) return (document) => fromEntryV3(document as ReportEntryV3)
  if (version === 2) {
    if (!table)
      throw new ReportVersionError(`${file}: report.json has no rule table at its end (cut short?); run rinse again to write it anew`)
    return (document) => resolveDocument(document as StoredDocument, table)
  }
  throw new ReportVersionError(
    `${file}: report.json version ${JSON.stringify(version)} is not one this rinse reads (${REPORT_VERSION}, 4, 3, 2 or 1); run rinse again to write it anew`
  )
}

async function readByLine<D, T>(
  file: string,
  readerFor: ReaderFor<D>,
  map: (document: D) => T,
  table: readonly RuleEntry[] | undefined
): Promise<(Omit<Report, 'documents' | 'rules'> & {documents: T[]}) | undefined> {
  let rest = ''
  let state: 'head' | 'documents' | 'tail' = 'head'
  let read: ((document: unknown) => D) | undefined
  const documents: T[] = []
  const lines = createInterface({input: createReadStream(file, 'utf8'), crlfDelay: Infinity})
  try {
    for await (const line of lines) {
      if (state === 'head') {
        const version = /^ {2}"version": (.*),$/.exec(line)
        if (version) {
          const number = JSON.parse(version[1]!) as unknown
          // Its table not found at the end: read whole below.
          if (number === 2 && !table) return undefined
          read = readerFor(file, number, table)
        }
        if (line === '  "documents": [],') {
          rest += line + '\n'
          state = 'tail'
        } else if (line === '  "documents": [') {
          rest += '  "documents": [],\n'
          state = 'documents'
        } else {
          rest += line + '\n'
        }
      } else if (state === 'documents') {
        if (line === '  ],') {
          state = 'tail'
          continue
        }
        const json = line.endsWith(',') ? line.slice(0, -1) : line
        if (!read) return undefined
        documents.push(map(read(JSON.parse(json))))
      } else {
        rest += line + '\n'
      }
    }
    if (state !== 'tail') return undefined
    const {rules: _rules, ...head} = JSON.parse(rest) as Report & {rules?: unknown}
    return {...head, version: REPORT_VERSION, documents}
  } catch (error) {
    if (error instanceof ReportVersionError) throw error
    return undefined
  } finally {
    lines.close()
  }
}
