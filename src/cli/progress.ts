/** A one-line progress bar on a terminal's stderr; silent when stderr is not a TTY. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): {
  update(done: number, total: number, bytes: number): void
  end(): void
} {
  if (!stream.isTTY) return {update() {}, end() {}}
  const started = performance.now()
  let last = 0
  return {
    update(done, total, bytes) {
      const now = performance.now()
      if (now - last < 100 && done < total) return
      last = now
      const width = 30
      const filled = total === 0 ? width : Math.round((done / total) * width)
      const rate = bytes / 1e6 / Math.max((now - started) / 1000, 1e-3)
      stream.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} files  ${rate.toFixed(1)} MB/s `)
    },
    end() {
      stream.write('\r\x1b[K')
    }
  }
}
