/** The report page's data element, as the page's script reads it: base64 of gzip-compressed JSON. */
import {gunzipSync} from 'node:zlib'

const DATA = /<script type="application\/octet-stream" id="rinse-data" data-encoding="gzip-base64">([\s\S]*?)<\/script>/

/** The element's content, as written. */
export function packedData(html: string): string {
  const m = DATA.exec(html)
  if (!m) throw new Error('no data blob')
  return m[1]!
}

/** The page's data as JSON text. */
export function pageDataJson(html: string): string {
  return gunzipSync(Buffer.from(packedData(html), 'base64')).toString('utf8')
}
