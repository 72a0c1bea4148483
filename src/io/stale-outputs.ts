/**
 * Outputs in OUT that no input of this run accounts for: the cleaned file, diff or
 * written duplicate of an input removed (or renamed) since an earlier run. rinse
 * lists them, and deletes them only when asked (`--prune`): OUT then mirrors IN.
 */
import {readdir, rm, rmdir} from 'node:fs/promises'
import {dirname, join, relative, sep} from 'node:path'

/** What this run's outputs may be, by path relative to the input folder. */
export interface ExpectedOutputs {
  /** Inputs of this run (failed ones too: their earlier outputs are kept, nothing is lost). */
  inputs: ReadonlySet<string>
  /** Inputs whose copy this run wrote to OUT/duplicates/. */
  duplicates: ReadonlySet<string>
}

/** Output folders, each with the input path an output file stands for. */
const ROOTS: ReadonlyArray<{root: string; input(path: string): string | undefined; expected(e: ExpectedOutputs): ReadonlySet<string>}> = [
  {root: 'cleaned', input: (path) => path, expected: (e) => e.inputs},
  {root: 'diffs', input: (path) => (path.endsWith('.diff') ? path.slice(0, -'.diff'.length) : undefined), expected: (e) => e.inputs},
  {root: 'duplicates', input: (path) => path, expected: (e) => e.duplicates}
]

/** Stale outputs as sorted paths relative to OUT, with `/` separators. */
export async function findStaleOutputs(out: string, expected: ExpectedOutputs): Promise<string[]> {
  const stale: string[] = []
  for (const {root, input, expected: of} of ROOTS) {
    const keep = of(expected)
    for (const path of await filesUnder(join(out, root))) {
      const from = input(path)
      if (from === undefined || !keep.has(from)) stale.push(`${root}/${path}`)
    }
  }
  return stale.sort()
}

/** Delete stale outputs, and the folders they leave empty (the output roots stay). */
export async function pruneOutputs(out: string, stale: readonly string[]): Promise<void> {
  const folders = new Set<string>()
  for (const path of stale) {
    const file = join(out, ...path.split('/'))
    await rm(file, {force: true})
    const root = join(out, path.split('/')[0]!)
    for (let folder = dirname(file); folder !== root && folder.startsWith(root + sep); folder = dirname(folder)) folders.add(folder)
  }
  // Deepest first, so that a parent is empty once its children are gone.
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    await rmdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST' && error.code !== 'ENOENT') throw error
    })
  }
}

/** Files under a folder as relative `/` paths; none when the folder is missing. */
async function filesUnder(folder: string): Promise<string[]> {
  let entries
  try {
    entries = await readdir(folder, {recursive: true, withFileTypes: true})
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
}
