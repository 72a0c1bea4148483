/**
 * Read report.json for the HTML page without holding every edit of a large
 * batch: documents are read one line at a time (the way report.json writes
 * them), and past a budget of edits a document keeps only its counts. The page
 * then lists it with its numbers and points to its diff and report.json.
 */
import {createReadStream} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {createInterface} from 'node:readline'
import type {DocumentReport, Report} from './schema.js'
import {ruleCounts} from './summarize.js'

/** What is left of a document whose edits did not fit in the page. */
export interface OmittedEdits {
  edits: number
  /** Edits per `stage/rule`. */
  rules: Record<string, number>
}

export type PageDocumentInput = DocumentReport & {omitted?: OmittedEdits}
export type PageReportInput = Omit<Report, 'documents'> & {documents: PageDocumentInput[]}

/** Edits the page carries in full; a 100,000-file batch would otherwise make a page no browser opens. */
export const DEFAULT_MAX_PAGE_EDITS = 150_000

export async function readReportForPage(file: string, maxEdits = DEFAULT_MAX_PAGE_EDITS): Promise<PageReportInput> {
  let budget = maxEdits
  const fit = (document: DocumentReport): PageDocumentInput => {
    if (document.edits.length <= budget) {
      budget -= document.edits.length
      return document
    }
    return {...document, edits: [], omitted: {edits: document.edits.length, rules: ruleCounts(document.edits)}}
  }
  return mapReportDocuments(file, fit)
}

/**
 * report.json with each document mapped as it is read: one line at a time in the
 * layout rinse writes, so a large batch's edits are never all in memory.
 */
export async function mapReportDocuments<T>(
  file: string,
  map: (document: DocumentReport) => T
): Promise<Omit<Report, 'documents'> & {documents: T[]}> {
  const streamed = await readByLine(file, map)
  if (streamed) return streamed
  // Not in the one-document-per-line layout (written by hand or by another tool): read it whole.
  const report = JSON.parse(await readFile(file, 'utf8')) as Report
  return {...report, documents: report.documents.map(map)}
}

async function readByLine<T>(
  file: string,
  map: (document: DocumentReport) => T
): Promise<(Omit<Report, 'documents'> & {documents: T[]}) | undefined> {
  let rest = ''
  let state: 'head' | 'documents' | 'tail' = 'head'
  const documents: T[] = []
  const lines = createInterface({input: createReadStream(file, 'utf8'), crlfDelay: Infinity})
  try {
    for await (const line of lines) {
      if (state === 'head') {
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
        documents.push(map(JSON.parse(json) as DocumentReport))
      } else {
        rest += line + '\n'
      }
    }
    if (state !== 'tail') return undefined
    return {...(JSON.parse(rest) as Report), documents}
  } catch {
    return undefined
  } finally {
    lines.close()
  }
}
