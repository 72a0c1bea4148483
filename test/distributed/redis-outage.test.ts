/**
 * A Redis that cannot be reached, or that goes away mid-run: a real redis-server on a
 * free loopback port (with an append-only file in a temp folder, so a restart keeps
 * the run), stopped and started again by the test.
 */
import {spawn, spawnSync, type ChildProcess} from 'node:child_process'
import {existsSync} from 'node:fs'
import {createServer} from 'node:net'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {CLI, fileHashes, freePort, rinse, sampleCopy, tempDir} from '../helpers.js'

const hasRedis = spawnSync('redis-server', ['--version']).status === 0

/** A child process with its output gathered; `seen(text)` settles once `text` appeared on stdout or stderr. */
function start(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(command, args, {env, stdio: ['ignore', 'pipe', 'pipe']})
  const output = {stdout: '', stderr: ''}
  const waiters: Array<() => void> = []
  const gather = (name: 'stdout' | 'stderr') => (chunk: Buffer) => {
    output[name] += chunk.toString()
    for (const waiter of waiters) waiter()
  }
  child.stdout!.on('data', gather('stdout'))
  child.stderr!.on('data', gather('stderr'))
  const exited = new Promise<{code: number | null; signal: string | null}>((resolve) =>
    child.on('exit', (code, signal) => resolve({code, signal}))
  )
  /** Settles once `text` appears in the output written after `from` characters of it. */
  const seen = (text: string, from = 0, timeoutMs = 30_000): Promise<void> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for "${text}"; saw: ${output.stdout}${output.stderr}`)), timeoutMs)
      const check = (): void => {
        if ((output.stdout.slice(from) + output.stderr).includes(text)) {
          clearTimeout(timer)
          resolve()
        }
      }
      waiters.push(check)
      check()
    })
  /** Where stdout is now: `seen(text, mark())` waits for output to come. */
  const mark = (): number => output.stdout.length
  return {child, output, exited, seen, mark}
}

const children: ChildProcess[] = []
afterAll(() => {
  for (const child of children) child.kill('SIGKILL')
})

/** A redis-server on `port` keeping its data in `dir` (every write on disk before it is answered). */
async function startRedis(port: number, dir: string) {
  const server = start('redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    'yes',
    '--appendfsync',
    'always'
  ])
  children.push(server.child)
  await server.seen('Ready to accept connections')
  return server
}

const NO_STACK = /ioredis|Unhandled error|\n\s+at /

describe.skipIf(!hasRedis)('Redis unreachable or going away', () => {
  it('says it cannot reach Redis and exits 69, coordinator and worker, with no stack trace', async () => {
    const {work, input} = sampleCopy()
    const url = `redis://127.0.0.1:${await freePort()}`
    const message = `rinse: cannot reach Redis at ${url} (connection refused): start it or check --queue\n`
    const run = await rinse(['run', input, '--out', join(work, 'out'), '--queue', url, '--connect-timeout', '1'])
    expect(run.code).toBe(69)
    expect(run.stderr).toBe(message)
    const worker = start(process.execPath, [CLI, 'worker', '--queue', url, '--connect-timeout', '1'])
    expect((await worker.exited).code).toBe(69)
    expect(worker.output.stderr).toBe(message)
    expect(worker.output.stdout).toBe('')
  }, 60_000)

  it('stops at once (exit 130) on Ctrl-C while Redis is being reached', async () => {
    const {work, input} = sampleCopy()
    // A server that takes connections and never answers: Redis being reached. Each process has its
    // own, so that its first connection says the process is up (Ctrl-C handled) and trying.
    const silent = async (): Promise<{url: string; reached: Promise<void>; close: () => void}> => {
      const sockets: Array<{destroy(): void}> = []
      let reached!: () => void
      const server = createServer((socket) => {
        sockets.push(socket)
        reached()
      })
      const port = await freePort()
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
      const close = (): void => {
        for (const socket of sockets) socket.destroy()
        server.close()
      }
      return {url: `redis://127.0.0.1:${port}`, reached: new Promise((resolve) => (reached = resolve)), close}
    }
    const [toCoordinator, toWorker] = [await silent(), await silent()]
    const coordinator = start(process.execPath, [
      CLI,
      'run',
      input,
      '--out',
      join(work, 'out'),
      '--queue',
      toCoordinator.url,
      '--connect-timeout',
      '60'
    ])
    const worker = start(process.execPath, [CLI, 'worker', '--queue', toWorker.url, '--connect-timeout', '60'])
    children.push(coordinator.child, worker.child)
    await Promise.all([toCoordinator.reached, toWorker.reached])
    coordinator.child.kill('SIGINT')
    worker.child.kill('SIGINT')
    // Well before the 60 s of --connect-timeout (the test's own timeout says so).
    expect((await coordinator.exited).code).toBe(130)
    expect((await worker.exited).code).toBe(130)
    expect(coordinator.output.stderr).not.toMatch(NO_STACK)
    expect(worker.output.stderr).not.toMatch(NO_STACK)
    toCoordinator.close()
    toWorker.close()
  }, 30_000)

  it('waits for a Redis lost mid-run, goes on once it is back, and ends as one machine would; Ctrl-C while waiting leaves the run to continue', async () => {
    const {work, input} = sampleCopy()
    const single = await rinse(['run', input, '--out', join(work, 'single'), '--workers', '1', '--no-html', '--diffs'])
    expect(single.code).toBe(0)
    const port = await freePort()
    const url = `redis://127.0.0.1:${port}`
    const data = tempDir()
    let redis = await startRedis(port, data)
    const worker = start(process.execPath, [CLI, 'worker', '--queue', url, '--lock-ms', '2000'], {
      ...process.env,
      RINSE_WORKER_FILE_DELAY_MS: '300'
    })
    children.push(worker.child)
    await worker.seen('waiting for jobs')
    const args = ['run', input, '--out', join(work, 'distributed'), '--queue', url, '--shard-size', '1', '--no-html', '--diffs']

    // Lost while cleaning, back two seconds later: the run goes on and finishes.
    const coordinator = start(process.execPath, [CLI, ...args])
    children.push(coordinator.child)
    await worker.seen('started clean')
    redis.child.kill('SIGKILL')
    await coordinator.seen(`rinse: lost Redis at ${url}; waiting for it to come back (Ctrl-C to stop; the run can be resumed)`)
    await worker.seen(`rinse worker: lost Redis at ${url}; waiting for it to come back (Ctrl-C to stop)`)
    await new Promise((resolve) => setTimeout(resolve, 2000))
    redis = await startRedis(port, data)
    const finished = await coordinator.exited
    expect(finished.code, coordinator.output.stdout + coordinator.output.stderr).toBe(0)
    expect(coordinator.output.stderr).toContain(`rinse: Redis at ${url} is back; going on`)
    expect(coordinator.output.stderr.match(/lost Redis/g)).toHaveLength(1)
    expect(coordinator.output.stderr).not.toMatch(NO_STACK)
    expect(fileHashes(join(work, 'distributed', 'cleaned'))).toEqual(fileHashes(join(work, 'single', 'cleaned')))
    expect(fileHashes(join(work, 'distributed', 'diffs'))).toEqual(fileHashes(join(work, 'single', 'diffs')))

    // Lost again in a new run, and Ctrl-C while waiting: exit 130, the run left to continue.
    const out = join(work, 'again')
    const again = ['run', input, '--out', out, '--queue', url, '--shard-size', '1', '--no-html', '--diffs']
    const from = worker.mark()
    const stopped = start(process.execPath, [CLI, ...again])
    children.push(stopped.child)
    await worker.seen('started clean', from)
    redis.child.kill('SIGKILL')
    await stopped.seen('lost Redis at')
    stopped.child.kill('SIGINT')
    expect((await stopped.exited).code).toBe(130)
    expect(stopped.output.stderr).toContain('run the same command again to continue')
    expect(stopped.output.stderr).not.toMatch(NO_STACK)
    expect(existsSync(join(out, '.rinse', 'queue-run.json'))).toBe(true)
    redis = await startRedis(port, data)
    const resumed = await rinse(again)
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0)
    expect(fileHashes(join(out, 'cleaned'))).toEqual(fileHashes(join(work, 'single', 'cleaned')))
    expect(existsSync(join(out, '.rinse', 'queue-run.json'))).toBe(false)
    expect(worker.output.stderr).not.toMatch(NO_STACK)
    worker.child.kill('SIGTERM')
    expect((await worker.exited).code).toBe(0)
    redis.child.kill('SIGTERM')
  }, 120_000)
})
