// The raw pages of ../shared/devset (every part with a manifest), or the .txt files of `dir`: for the development benchmarks.
import {existsSync, readdirSync} from 'node:fs'
import {join} from 'node:path'

export function pageFiles(dir) {
  if (dir)
    return readdirSync(dir)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => join(dir, name))
  const devset = new URL('../../shared/devset/', import.meta.url).pathname
  return readdirSync(devset)
    .filter((part) => existsSync(join(devset, part, 'manifest.tsv')))
    .flatMap((part) =>
      readdirSync(join(devset, part))
        .filter((name) => name.endsWith('.raw.txt'))
        .map((name) => join(devset, part, name))
    )
}
