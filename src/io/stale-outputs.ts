/**
 * Outputs in OUT that no input of this run accounts for: the cleaned file, diff or
 * written duplicate of an input removed (or renamed) since an earlier run. rinse
 * lists them, and deletes them only when asked (`--prune`): OUT then mirrors IN.
 */
import {readdir, rm, rmdir} from 'node:fs/promises'
import {dirname, join, relative, sep} from 'node:path'
import {cleanedPath, diffPath, duplicatePath} from './out-paths.js'

/** What this run's outputs may be, by path relative to the input folder. */
export interface ExpectedOutputs {
  /** Inputs of this run (failed ones too: their earlier outputs are kept, nothing is lost). */
  inputs: ReadonlySet<string>
  /** Inputs whose copy this run wrote to OUT/duplicates/. */
  duplicates: ReadonlySet<string>
  /** Folders of the input that could not be listed (`sub/`): every output under them is kept, not stale. */
  unread?: ReadonlySet<string>
}

/** The folders of OUT that hold one file per input. */
const ROOTS = ['cleaned', 'diffs', 'duplicates']

/** Stale outputs as sorted paths relative to OUT, with `/` separators. */
export async function findStaleOutputs(out: string, expected: ExpectedOutputs): Promise<string[]> {
  // Each input's outputs, named as the runs name them.
  const wanted = new Set<string>()
  for (const input of expected.inputs) wanted.add(cleanedPath(out, input)).add(diffPath(out, input))
  for (const input of expected.duplicates) wanted.add(duplicatePath(out, input))
  const stale: string[] = []
  const unread = [...(expected.unread ?? [])]
  for (const root of ROOTS) {
    for (const file of await filesUnder(join(out, root))) {
      if (wanted.has(file)) continue
      const path = relative(join(out, root), file).split(sep).join('/')
      if (!unread.some((folder) => path.startsWith(folder))) stale.push(`${root}/${path}`)
    }
  }
  return stale.sort()
}

/** Delete stale outputs, and the folders they leave empty (the output roots stay). */
export async function pruneOutputs(out: string, stale: readonly string[]): Promise<void> {
  const folders = new Set<string>()
  for (const path of stale) {
    const [top, ...rest] = path.split('/')
    const root = join(out, top!)
    const file = join(root, ...rest)
    await rm(file, {force: true})
    for (let folder = dirname(file); folder !== root && folder.startsWith(root + sep); folder = dirname(folder)) folders.add(folder)
  }
  // Deepest first, so that a parent is empty once its children are gone.
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    await rmdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST' && error.code !== 'ENOENT') throw error
    })
  }
}

/** The files under a folder (full paths); none when the folder is missing. */
async function filesUnder(folder: string): Promise<string[]> {
  let entries
  try {
    entries = await readdir(folder, {recursive: true, withFileTypes: true})
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name))
}
