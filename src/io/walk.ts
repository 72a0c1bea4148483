/** List the text files under an input folder, sorted, with paths relative to it. */
import {readdir} from 'node:fs/promises'
import {join, relative, resolve, sep} from 'node:path'

export interface InputFile {
  /** Absolute path. */
  path: string
  /** Relative to the input folder, with `/` separators. */
  relative: string
}

export const DEFAULT_EXTENSIONS = ['.txt', '.text', '.md', '.markdown']

export async function listInputFiles(
  root: string,
  options: {extensions?: string[]; exclude?: string} = {}
): Promise<{files: InputFile[]; ignored: number}> {
  const extensions = (options.extensions ?? DEFAULT_EXTENSIONS).map((ext) => ext.toLowerCase())
  const exclude = options.exclude ? resolve(options.exclude) : undefined
  const files: InputFile[] = []
  let ignored = 0
  const visit = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, {withFileTypes: true})
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
  return {files, ignored}
}
