/** Writing `OUT/report.html` from `OUT/report.json` and `OUT/cleaned/`. */
import {readFile} from 'node:fs/promises'
import {writeFileAtomicStream} from '../../io/atomic-stream.js'
import path from 'node:path'
import {
  readReportForPage,
  type PageDocumentInput,
  type PageReportInput,
  type StoredPageDocument,
  type StoredPageReport
} from '../read-report.js'
import {reconstructOriginal} from '../../engine/apply-edits.js'
import {pointFinder} from '../../engine/clean-document.js'
import type {Edit} from '../../engine/types.js'
import {DEFAULT_MAX_TEXT_CHARS} from './model.js'
import {renderReportParts, type RenderOptions} from './render.js'
import {packForScriptStream} from './util.js'
import type {Comparison} from '../compare.js'

export interface WriteOptions extends RenderOptions {
  /** Edits carried in full by the page; documents past it show their counts only. */
  maxEdits?: number
  /** How many cleaned files to read at once. */
  concurrency?: number
  /** What changed since an earlier run, with the files' paths as the comparison gives them. */
  comparison?: Comparison
}

/** The file under `cleaned/` for a report path, or undefined when the path would leave that folder. */
function cleanedFile(cleanedDir: string, docPath: string): string | undefined {
  const file = path.resolve(cleanedDir, ...docPath.split('/'))
  const rel = path.relative(cleanedDir, file)
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? undefined : file
}

/**
 * The page's documents with their edits in full, and the original texts to
 * embed: each original is rebuilt from its cleaned file and its edits (which
 * gives the edits' lines where the report has none, version 2), and embedded, changed documents first, until
 * the character budget runs out. A document whose cleaned file is missing or
 * disagrees with its edits keeps its edits without lines and no text (the page says so).
 */
export async function loadOriginals(
  outDir: string,
  report: StoredPageReport,
  options: WriteOptions = {}
): Promise<{report: PageReportInput; texts: Map<string, string>}> {
  const cleanedDir = path.resolve(outDir, 'cleaned')
  const texts = new Map<string, string>()
  const expanded = new Map<StoredPageDocument, PageDocumentInput>()
  let budget = options.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS
  const original = async (doc: StoredPageDocument): Promise<string | undefined> => {
    const file = cleanedFile(cleanedDir, doc.path)
    if (!file) return undefined
    try {
      return reconstructOriginal(await readFile(file, 'utf8'), doc.edits)
    } catch {
      return undefined
    }
  }
  // A document without its edits on the page cannot be rebuilt (nor shown); one
  // without edits is read only while there is room for its text.
  const changed = report.documents.filter((doc) => !doc.omitted && doc.edits.length > 0)
  const unchanged = report.documents.filter((doc) => !doc.omitted && doc.edits.length === 0)
  const concurrency = Math.max(1, options.concurrency ?? 16)
  for (const queue of [changed, unchanged]) {
    for (let i = 0; i < queue.length && (queue === changed || budget > 0); i += concurrency) {
      const batch = queue.slice(i, i + concurrency)
      const loaded = await Promise.all(batch.map(original))
      batch.forEach((doc, j) => {
        const text = loaded[j]
        expanded.set(doc, {...pageDocument(doc), edits: doc.lines || text === undefined ? doc.edits : withLines(doc.edits, text)})
        if (text !== undefined && text.length <= budget) {
          texts.set(doc.path, text)
          budget -= text.length
        }
      })
    }
  }
  const documents = report.documents.map((doc) => expanded.get(doc) ?? pageDocument(doc))
  return {report: {...report, documents}, texts}
}

function pageDocument(doc: StoredPageDocument): PageDocumentInput {
  const {lines: _lines, ...rest} = doc
  return rest
}

/** Edits with their lines and columns worked out from the original (a version-2 report stored offsets only). */
function withLines(edits: readonly Edit[], original: string): Edit[] {
  const point = pointFinder(original)
  return edits.map((edit) => ({...edit, start: point(edit.start.offset), end: point(edit.end.offset)}))
}

/** Read `OUT/report.json` and `OUT/cleaned/*`, and write `OUT/report.html` atomically. */
export async function writeReportHtml(outDir: string, options: WriteOptions = {}): Promise<void> {
  const stored = await readReportForPage(path.join(outDir, 'report.json'), options.maxEdits)
  const {report, texts} = await loadOriginals(outDir, stored, options)
  // The page links each file's two versions relative to itself, so OUT can move with OLD_OUT beside it.
  const href = (file: string | null): string | null => (file === null ? null : path.relative(outDir, file).split(path.sep).join('/'))
  const comparison = options.comparison && {
    ...options.comparison,
    changed: options.comparison.changed.map((d) => ({path: d.path, old: href(d.old), new: href(d.new)}))
  }
  const {before, data, after} = renderReportParts(report, texts, {...options, comparison})
  await writeFileAtomicStream(path.join(outDir, 'report.html'), async (stream) => {
    await stream.write(before)
    await packForScriptStream(data, (base64) => stream.write(base64))
    await stream.write(after)
  })
}
