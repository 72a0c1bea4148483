/**
 * A distributed run whose worker meets a full disk (the node:fs shim of preload.mjs in
 * the worker's process), against a real redis-server on a free loopback port: the run
 * stops as a single-machine run does (one line naming the output, exit 74, no temp
 * file, nothing listed as failed), the worker stays up, and the same command run
 * again with a worker that can write continues the run to what one machine gives.
 */
import {spawn, spawnSync, type ChildProcess} from 'node:child_process'
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {CLI, freePort, readReport, rinse, tempDir} from '../helpers.js'
import {comparableReport, leftovers, outputs, presentOutputsMatch, textFolder, withFault, type Fault} from './faults.js'

const hasRedis = spawnSync('redis-server', ['--version']).status === 0
if (!hasRedis && process.env.CI) throw new Error('redis-server is not installed; CI must run "apt-get install -y redis-server"')

const children: ChildProcess[] = []
afterAll(() => {
  for (const child of children) child.kill('SIGKILL')
})

/** A child process; `seen(text)` settles once `text` appeared on its stdout or stderr. */
function start(args: string[], options: {command?: string; env?: NodeJS.ProcessEnv} = {}) {
  const child = spawn(options.command ?? process.execPath, args, {env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe']})
  children.push(child)
  const output = {stdout: '', stderr: ''}
  const waiters = new Set<() => void>()
  for (const name of ['stdout', 'stderr'] as const)
    child[name]!.on('data', (chunk: Buffer) => {
      output[name] += chunk.toString()
      for (const waiter of waiters) waiter()
    })
  const seen = (text: string, timeoutMs = 30_000): Promise<void> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for "${text}"; saw: ${output.stdout}${output.stderr}`)), timeoutMs)
      const check = (): void => {
        if (!(output.stdout + output.stderr).includes(text)) return
        clearTimeout(timer)
        waiters.delete(check)
        resolve()
      }
      waiters.add(check)
      check()
    })
  return {child, output, seen}
}

describe.skipIf(!hasRedis)('a distributed worker on a full disk', () => {
  let url: string
  let input: string
  let straight: string

  beforeAll(async () => {
    const port = await freePort()
    url = `redis://127.0.0.1:${port}`
    const redis = start(['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {command: 'redis-server'})
    const work = tempDir('rinse-faults-')
    input = textFolder(join(work, 'in'))
    straight = join(work, 'straight')
    const clean = await rinse(['run', input, '--out', straight, '--no-html', '-q'])
    expect(clean.code, clean.stderr).toBe(0)
    await redis.seen('Ready to accept connections')
  })

  const startWorker = (fault?: Fault) => {
    const {env, argv} = fault ? withFault(fault) : {env: process.env, argv: [CLI]}
    return start([...argv, 'worker', '--queue', url], {env})
  }

  it('stops the run with one line naming the output (exit 74), and the command run again continues it', async () => {
    const out = join(tempDir('rinse-faults-'), 'out')
    const args = ['run', input, '--out', out, '--queue', url, '--shard-size', '2', '--no-html']
    // The disk fills after 4 writes through the worker's temp folder (two files of the 12, with their diffs).
    const full = startWorker({code: 'ENOSPC', path: '/\\.rinse/tmp/', skip: 4})
    await full.seen('waiting for jobs')

    const stopped = await rinse(args)
    expect(stopped.code, stopped.stdout + stopped.stderr).toBe(74)
    expect(stopped.stderr).toMatch(
      new RegExp(
        `^rinse: cannot write ${out}/(?:cleaned|diffs)/\\S+: no space left on device \\(ENOSPC\\); stopped: free some space and run the same command again[^\\n]*\\n$`
      )
    )
    // Not a failure per file: the worker stopped the job, said so once, and waits for the next.
    await full.seen('stopped: cannot write')
    expect(full.output.stderr.match(/stopped: cannot write/g)).toHaveLength(1)
    expect(full.child.exitCode).toBeNull()
    expect(leftovers(out)).toEqual([])
    expect(existsSync(join(out, 'report.json'))).toBe(false)
    expect(existsSync(join(out, '.rinse', 'queue-run.json'))).toBe(true)
    const written = presentOutputsMatch(out, straight)
    expect(written.differing).toEqual([])
    expect(written.present).toBeGreaterThan(0)

    // Space freed (a worker that can write): the same command finishes the run.
    full.child.kill('SIGTERM')
    await startWorker().seen('waiting for jobs')
    const again = await rinse(args)
    expect(again.code, again.stdout + again.stderr).toBe(0)
    expect(again.stdout).toMatch(/, [1-9]\d* resumed\)/)
    expect(readReport(out).failures).toEqual([])
    expect(outputs(out)).toEqual(outputs(straight))
    expect(comparableReport(out)).toEqual(comparableReport(straight))
    expect(leftovers(out)).toEqual([])
    expect(existsSync(join(out, '.rinse', 'queue-run.json'))).toBe(false)
  }, 120_000)
})
