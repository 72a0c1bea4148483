/** The page's data (`#rinse-data`, see model.ts), with edit positions made absolute once. */
import type {EditTuple, PageData, PageDoc} from '../model.js'

export type {EditTuple, PageData, PageDoc}

export interface Page extends PageData {
  /** A document's index by path. */
  byPath: Map<string, number>
  /** Lower-cased paths, for the search filter. */
  lowerPaths: string[]
}

/**
 * The page's data: JSON, gzip-compressed and base64-encoded by the writer
 * (`packForScript`), inflated with the browser's own DecompressionStream.
 */
export async function loadPage(): Promise<Page> {
  const packed = document.getElementById('rinse-data')!.textContent!.trim()
  const bytes = Uint8Array.from(atob(packed), (c) => c.charCodeAt(0))
  const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))
  const data = JSON.parse(await new Response(inflated).text()) as PageData
  // Edits come with positions as steps from the previous edit (a smaller page).
  for (const doc of data.docs) {
    let end = 0
    let line = 0
    for (const edit of doc.e) {
      edit[2] += end
      edit[3] += edit[2]
      end = edit[3]
      edit[5] += line
      line = edit[5]
    }
  }
  return {
    ...data,
    byPath: new Map(data.docs.map((doc, i) => [doc.p, i])),
    lowerPaths: data.docs.map((doc) => doc.p.toLowerCase())
  }
}

/** How many edits a document has; past the page's budget only their number is carried (`n`). */
export function editCount(doc: PageDoc): number {
  return doc.n ?? doc.e.length
}

/** The original text an edit replaced. */
export function beforeOf(doc: PageDoc, edit: EditTuple): string {
  return doc.t !== null ? doc.t.slice(edit[2], edit[3]) : (edit[6] ?? '')
}

/** An edit's place: its line, or its offset when the original could not be rebuilt (line 0). */
export function where(edit: EditTuple): string {
  return edit[5] ? 'line ' + edit[5] : 'offset ' + edit[2]
}
