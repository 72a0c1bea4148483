// The raw pages of ../shared/devset (every part with a manifest), or the .txt files of `dir`: for the development benchmarks.
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
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

/**
 * The raw devset pages (or the .txt files of `dir`) written into `folder` until it
 * holds `mb` megabytes: the parts taken in turn, page by page; once every page is
 * in, each again with 2 % of its words changed (another copy, another seed), as
 * scraped batches repeat pages with small differences. Returns the bytes written.
 */
export function writeRealPages(folder, mb, dir) {
  const byPart = new Map()
  for (const path of pageFiles(dir).sort()) {
    const part = path.split('/').at(-2)
    byPart.set(part, [...(byPart.get(part) ?? []), path])
  }
  const total = [...byPart.values()].reduce((sum, paths) => sum + paths.length, 0)
  const order = []
  for (let k = 0; order.length < total; k++) for (const paths of byPart.values()) if (paths[k]) order.push(paths[k])
  mkdirSync(folder, {recursive: true})
  let bytes = 0
  for (let i = 0; bytes < mb * 1e6 && order.length > 0; i++) {
    const round = Math.floor(i / order.length)
    const text = readFileSync(order[i % order.length], 'utf8')
    const changed = round === 0 ? text : changeWords(text, 0.02, i)
    writeFileSync(join(folder, `page-${String(i).padStart(6, '0')}.txt`), changed)
    bytes += Buffer.byteLength(changed)
  }
  return bytes
}

/** `share` of the words of `text` replaced by a made-up word, picked by a generator seeded with `seed`. */
function changeWords(text, share, seed) {
  let state = seed * 2654435761 + 1
  const random = () => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32
  return text.replace(/\p{L}+/gu, (word) => (random() < share ? `w${Math.floor(random() * 1e6).toString(36)}` : word))
}
