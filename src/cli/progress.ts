/** A one-line progress bar on a terminal's stderr; silent when stderr is not a TTY. */
import {type Progress} from '../run/batch.js'

export function progressBar(stream: NodeJS.WriteStream = process.stderr): {
  update(progress: Progress): void
  end(): void
} {
  if (!stream.isTTY) return {update() {}, end() {}}
  let passStarted = performance.now()
  // When the last report came: a new pass began about then.
  let previous = passStarted
  let pass = 0
  let last = 0
  return {
    update(progress) {
      const now = performance.now()
      // Rates and the estimate are per pass: collecting reads far faster than cleaning writes.
      const newPass = progress.pass !== pass
      if (newPass) {
        pass = progress.pass
        passStarted = previous
      }
      previous = now
      // At most ten lines a second (JSONL records, whose total is not known, included).
      if (!newPass && now - last < 100) return
      last = now
      stream.write(`\r${progressLine(progress, (now - passStarted) / 1000)}\x1b[K`)
    },
    end() {
      stream.write('\r\x1b[K')
    }
  }
}

/** `pass 1/3 collecting for boilerplate [####      ] 120/400 files  8.1 MB/s  0:12 left` */
export function progressLine(progress: Progress, seconds: number, width = 30): string {
  const {done, total} = progress
  const filled = total === 0 ? width : Math.min(width, Math.round((done / total) * width))
  const bar = `[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} files`
  if (progress.phase === 'check') return `checking what an earlier run finished ${bar}`
  const rate = progress.bytes / 1e6 / Math.max(seconds, 1e-3)
  const what = progress.phase === 'collect' ? `collecting for ${progress.stage ?? 'a corpus stage'}` : 'cleaning'
  // An estimate from the first second of a pass says little.
  // Files taken from an earlier run took no time: the estimate counts the ones done now.
  const worked = done - (progress.skipped ?? 0)
  const left = worked > 0 && done < total && seconds >= 1 ? `  ${clock((seconds * (total - done)) / worked)} left` : ''
  const speed = progress.bytes > 0 ? `  ${rate.toFixed(1)} MB/s` : ''
  return `pass ${progress.pass}/${progress.passes} ${what} ${bar}${speed}${left}`
}

function clock(seconds: number): string {
  const s = Math.round(seconds)
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const rest = String(s % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`
}
