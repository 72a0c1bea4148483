/**
 * A document's site: the first folder of its path under IN (`site-b/page.txt` is
 * on `site-b`), or a JSONL record's own `site` or `url` field, or, with a `site`
 * pattern in the pipeline file, the pattern's first group (or its whole match) in
 * the path. '' when there is none.
 */

export function siteOf(path: string): string {
  const slash = path.indexOf('/')
  return slash === -1 ? '' : path.slice(0, slash)
}

export function siteResolver(pattern?: string): (path: string) => string {
  if (pattern === undefined) return siteOf
  const regex = new RegExp(pattern, 'u')
  return (path) => {
    const match = regex.exec(path)
    return match ? (match[1] ?? match[0]) : ''
  }
}

const resolvers = new Map<string | undefined, (path: string) => string>()

/**
 * The site of a document: by the pipeline's `site` pattern when there is one (a
 * choice the user wrote down wins), else the document's own (`own`: a JSONL
 * record's field), else its first folder. The pattern is compiled once.
 */
export function documentSite(pattern: string | undefined, path: string, own?: string): string {
  if (pattern === undefined && own !== undefined) return own
  let resolve = resolvers.get(pattern)
  if (!resolve) resolvers.set(pattern, (resolve = siteResolver(pattern)))
  return resolve(path)
}

/** A JSONL record's own site: its `site` field, else the host name of its `url` field (`example.com` for `https://example.com/a`). */
export function recordSite(record: Readonly<Record<string, unknown>>): string | undefined {
  const {site, url} = record
  if (typeof site === 'string' && site.trim() !== '') return site.trim().replace(/\/+$/, '')
  if (typeof url !== 'string') return undefined
  try {
    return new URL(url).hostname || undefined
  } catch {
    return undefined
  }
}
