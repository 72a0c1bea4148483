/** List the text files under an input folder, sorted, with paths relative to it. */
import {readdir} from 'node:fs/promises'
import {join, relative, resolve, sep} from 'node:path'
import {retrying} from './transient.js'
import {readStop} from './write-error.js'

export interface InputFile {
  /** Absolute path. */
  path: string
  /** Relative to the input folder, with `/` separators. */
  relative: string
}

/** A folder under the input whose entries could not be listed: its files are not in the run. */
export interface UnreadFolder {
  /** Relative to the input folder, with `/` separators and a trailing `/`. */
  relative: string
  /** Why, in the words a failure is reported with. */
  error: string
}

export const DEFAULT_EXTENSIONS = ['.txt', '.text', '.md', '.markdown']

export async function listInputFiles(
  root: string,
  options: {extensions?: string[]; exclude?: string} = {}
): Promise<{files: InputFile[]; ignored: number; unread: UnreadFolder[]}> {
  const extensions = (options.extensions ?? DEFAULT_EXTENSIONS).map((ext) => ext.toLowerCase())
  const exclude = options.exclude ? resolve(options.exclude) : undefined
  const files: InputFile[] = []
  const unread: UnreadFolder[] = []
  let ignored = 0
  const visit = async (dir: string): Promise<void> => {
    let entries
    try {
      entries = await retrying(() => readdir(dir, {withFileTypes: true}))
    } catch (error) {
      // Out of file descriptors is no fault of the folder: the run stops.
      const stop = readStop(dir, error)
      if (stop) throw stop
      // The input folder itself is the caller's to refuse; one unreadable subfolder must not stop the batch.
      if (dir === root) throw error
      unread.push({relative: `${relative(root, dir).split(sep).join('/')}/`, error: cannotReadFolder(error)})
      return
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue
      const path = join(dir, entry.name)
      if (entry.isDirectory()) {
        if (exclude && resolve(path) === exclude) continue
        await visit(path)
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        if (extensions.some((ext) => entry.name.toLowerCase().endsWith(ext))) {
          files.push({path, relative: relative(root, path).split(sep).join('/')})
        } else {
          ignored++
        }
      }
    }
  }
  await visit(root)
  files.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0))
  unread.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0))
  return {files, ignored, unread}
}

/** Why a folder could not be listed: `cannot read the folder (permission denied)`. */
export function cannotReadFolder(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'it is gone' : (code ?? String(error))
  return `cannot read the folder (${why})`
}
