/** Writing `OUT/report.html` from `OUT/report.json` and `OUT/cleaned/`. */
import {readFile} from 'node:fs/promises'
import {writeFileAtomicSync} from '../../io/atomic-write.js'
import path from 'node:path'
import {readReportForPage, type PageReportInput} from '../read-report.js'
import {DEFAULT_MAX_TEXT_CHARS} from './model.js'
import {reconstructOriginal} from '../../core/apply-edits.js'
import {renderReportHtml, type RenderOptions} from './render.js'

export interface WriteOptions extends RenderOptions {
  /** Edits carried in full by the page; documents past it show their counts only. */
  maxEdits?: number
  /** How many cleaned files to read at once. */
  concurrency?: number
}

/** The file under `cleaned/` for a report path, or undefined when the path would leave that folder. */
function cleanedFile(cleanedDir: string, docPath: string): string | undefined {
  const file = path.resolve(cleanedDir, ...docPath.split('/'))
  const rel = path.relative(cleanedDir, file)
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? undefined : file
}

/**
 * Original texts rebuilt from the cleaned files, changed documents first, until
 * the character budget runs out. A document whose cleaned file is missing or
 * disagrees with its edits is simply left out (the page says so).
 */
export async function loadOriginals(outDir: string, report: PageReportInput, options: WriteOptions = {}): Promise<Map<string, string>> {
  const cleanedDir = path.resolve(outDir, 'cleaned')
  const texts = new Map<string, string>()
  let budget = options.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS
  // A document without its edits on the page cannot be rebuilt (nor shown).
  const queue = report.documents.filter((doc) => !doc.omitted).sort((a, b) => Number(b.edits.length > 0) - Number(a.edits.length > 0))
  const concurrency = Math.max(1, options.concurrency ?? 16)
  for (let i = 0; i < queue.length && budget > 0; i += concurrency) {
    const batch = queue.slice(i, i + concurrency)
    const loaded = await Promise.all(
      batch.map(async (doc) => {
        const file = cleanedFile(cleanedDir, doc.path)
        if (!file) return undefined
        try {
          return reconstructOriginal(await readFile(file, 'utf8'), doc.edits)
        } catch {
          return undefined
        }
      })
    )
    batch.forEach((doc, j) => {
      const text = loaded[j]
      if (text !== undefined && text.length <= budget) {
        texts.set(doc.path, text)
        budget -= text.length
      }
    })
  }
  return texts
}

/** Read `OUT/report.json` and `OUT/cleaned/*`, and write `OUT/report.html` atomically. */
export async function writeReportHtml(outDir: string, options: WriteOptions = {}): Promise<void> {
  const report = await readReportForPage(path.join(outDir, 'report.json'), options.maxEdits)
  const texts = await loadOriginals(outDir, report, options)
  writeFileAtomicSync(path.join(outDir, 'report.html'), renderReportHtml(report, texts, options))
}
