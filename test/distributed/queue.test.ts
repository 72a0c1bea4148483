/**
 * The distributed mode against a real redis-server on a free loopback port, with
 * two `rinse worker` processes, one of them killed (SIGKILL) in the middle of a
 * job: the run must finish and equal a single-machine run of the same input.
 */
import {spawn, spawnSync, type ChildProcess} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {once} from 'node:events'
import {Queue} from 'bullmq'
import {Redis} from 'ioredis'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {CLI, fileHashes, freePort, readReport, rinse, sampleCopy, tempDir} from '../helpers.js'

const hasRedis = spawnSync('redis-server', ['--version']).status === 0
if (!hasRedis && process.env.CI) throw new Error('redis-server is not installed; CI must run "apt-get install -y redis-server"')

function waitFor(child: ChildProcess, text: string, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = ''
    const timer = setTimeout(() => reject(new Error(`timed out waiting for "${text}"; saw: ${seen}`)), timeoutMs)
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString()
      if (seen.includes(text)) {
        clearTimeout(timer)
        resolve()
      }
    })
  })
}

/** 48 files: the sample eight times over with small changes, and exact copies for the dedup clusters. */
function batchOf48(work: string): string {
  const input = join(work, 'in')
  const sample = join(import.meta.dirname, '..', '..', 'input')
  mkdirSync(input)
  for (let copy = 0; copy < 8; copy++) {
    cpSync(sample, join(input, `part-${copy}`), {recursive: true})
    for (const name of ['council-vote.txt', 'heatwave.txt']) {
      const file = join(input, `part-${copy}`, name)
      if (copy % 2 === 1) writeFileSync(file, readFileSync(file, 'utf8').replace('the', `the ${copy} `))
    }
  }
  return input
}

/** The CLI as a child process, its output gathered; `exited` settles with its exit code or signal. */
function startRinse(args: string[]): {
  child: ChildProcess
  exited: Promise<{code: number | null; signal: string | null; stdout: string; stderr: string}>
} {
  const child = spawn(process.execPath, [CLI, ...args], {stdio: ['ignore', 'pipe', 'pipe']})
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<{code: number | null; signal: string | null; stdout: string; stderr: string}>((resolve) =>
    child.on('exit', (code, signal) => resolve({code, signal, stdout, stderr}))
  )
  return {child, exited}
}

const reportOf = (out: string) => {
  const report = readReport(out)
  return {
    documents: report.documents.map(({ms: _ms, ...rest}) => rest),
    clusters: report.clusters,
    failures: report.failures,
    stats: report.stats
  }
}

describe.skipIf(!hasRedis)('distributed mode on BullMQ', () => {
  let redis: ChildProcess
  let url: string
  const workers: ChildProcess[] = []

  beforeAll(async () => {
    const port = await freePort()
    url = `redis://127.0.0.1:${port}`
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'inherit']
    })
    await waitFor(redis, 'Ready to accept connections')
  })

  /**
   * A `rinse worker` process on the test's Redis; `fileDelayMs` slows each file (a crash mid-job is then reproducible);
   * `hang` blocks the thread on a file holding that marker (the test hook of src/engine/watch-point.ts).
   */
  const startWorker = (options: {fileDelayMs?: number; lockMs?: number; hang?: string} = {}): ChildProcess => {
    const env = {
      ...process.env,
      ...(options.fileDelayMs === undefined ? {} : {RINSE_WORKER_FILE_DELAY_MS: String(options.fileDelayMs)}),
      ...(options.hang === undefined ? {} : {RINSE_TEST_HANG: options.hang})
    }
    const lock = options.lockMs === undefined ? [] : ['--lock-ms', String(options.lockMs)]
    const child = spawn(process.execPath, [CLI, 'worker', '--queue', url, ...lock], {env, stdio: ['ignore', 'pipe', 'inherit']})
    workers.push(child)
    return child
  }

  afterAll(() => {
    for (const worker of workers) worker.kill('SIGKILL')
    redis?.kill('SIGTERM')
  })

  it('finishes a run with a worker killed mid-job, with the same output as one machine', async () => {
    const work = tempDir()
    const input = batchOf48(work)
    const single = await rinse(['run', input, '--out', join(work, 'single'), '--workers', '1', '--no-html', '--diffs'])
    expect(single.code).toBe(0)

    const doomed = startWorker({fileDelayMs: 150, lockMs: 2000})
    const survivor = startWorker({fileDelayMs: 150, lockMs: 2000})
    await Promise.all([waitFor(doomed, 'waiting for jobs'), waitFor(survivor, 'waiting for jobs')])

    const coordinator = rinse([
      'run',
      input,
      '--out',
      join(work, 'distributed'),
      '--queue',
      url,
      '--shard-size',
      '4',
      '--no-html',
      '--diffs'
    ])
    await waitFor(doomed, 'started clean')
    doomed.kill('SIGKILL')
    const result = await coordinator
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('rinse: 48 files')
    // 12 jobs waited for at once: no listener-leak warning.
    expect(result.stderr).not.toContain('MaxListenersExceededWarning')

    expect(fileHashes(join(work, 'distributed', 'cleaned'))).toEqual(fileHashes(join(work, 'single', 'cleaned')))
    expect(fileHashes(join(work, 'distributed', 'diffs'))).toEqual(fileHashes(join(work, 'single', 'diffs')))
    expect(reportOf(join(work, 'distributed'))).toEqual(reportOf(join(work, 'single')))
    expect(reportOf(join(work, 'single')).clusters.length).toBeGreaterThan(0)
    survivor.kill('SIGTERM')
  }, 120_000)

  it('continues a run whose coordinator was stopped (Ctrl-C) and then killed, with the same output as one machine', async () => {
    const work = tempDir()
    const input = batchOf48(work)
    const single = await rinse(['run', input, '--out', join(work, 'single'), '--workers', '1', '--no-html', '--diffs'])
    expect(single.code).toBe(0)
    const out = join(work, 'distributed')
    const args = ['run', input, '--out', out, '--queue', url, '--shard-size', '4', '--no-html', '--diffs']
    const slow = {fileDelayMs: 60, lockMs: 2000}
    const first = [startWorker(slow), startWorker(slow)]
    await Promise.all(first.map((worker) => waitFor(worker, 'waiting for jobs')))

    // Ctrl-C while the first corpus stage is collected: exit 130, the run left to continue.
    const interrupted = startRinse(args)
    await waitFor(first[0]!, 'started collect')
    interrupted.child.kill('SIGINT')
    const stop = await interrupted.exited
    expect(stop.code, stop.stdout + stop.stderr).toBe(130)
    expect(stop.stderr).toContain('run the same command again to continue')
    expect(existsSync(join(out, '.rinse', 'queue-run.json'))).toBe(true)

    // Continued, then killed in its cleaning pass once a job of it is done.
    const crashed = startRinse(args)
    await waitFor(first[0]!, 'rinse worker: clean ')
    crashed.child.kill('SIGKILL')
    expect((await crashed.exited).signal).toBe('SIGKILL')

    // The workers go too, and the queue is emptied: the files not cleaned by now have lost their jobs.
    for (const worker of first) worker.kill('SIGKILL')
    const queue = new Queue('rinse', {connection: {host: '127.0.0.1', port: Number(new URL(url).port)}})
    await queue.obliterate({force: true})
    await queue.close()
    const redisClient = new Redis(url)
    const {run} = JSON.parse(readFileSync(join(out, '.rinse', 'queue-run.json'), 'utf8')) as {run: string}
    const finished = await redisClient.hlen(`rinse:${run}:documents`)
    expect(finished).toBeGreaterThan(0)
    expect(finished).toBeLessThan(48)

    startWorker(slow)
    const resumed = await rinse(args)
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0)
    expect(resumed.stdout).toContain(`rinse: 48 files`)
    expect(resumed.stdout).toContain(`, ${finished} resumed`)
    expect(fileHashes(join(out, 'cleaned'))).toEqual(fileHashes(join(work, 'single', 'cleaned')))
    expect(fileHashes(join(out, 'diffs'))).toEqual(fileHashes(join(work, 'single', 'diffs')))
    expect(reportOf(out)).toEqual(reportOf(join(work, 'single')))
    // Done: nothing of the run is left in Redis or in OUT.
    expect(await redisClient.keys(`rinse:${run}:*`)).toEqual([])
    expect(existsSync(join(out, '.rinse', 'queue-run.json'))).toBe(false)
    redisClient.disconnect()
  }, 120_000)

  it('passes --no-diffs to its workers and prunes the outputs of inputs gone since the last run', async () => {
    const {work, input} = sampleCopy()
    const worker = startWorker()
    await waitFor(worker, 'waiting for jobs')
    const single = await rinse(['run', input, '--out', join(work, 'single'), '--workers', '1', '--no-html', '--no-diffs'])
    expect(single.code).toBe(0)
    const out = join(work, 'distributed')
    const run = (...extra: string[]): ReturnType<typeof rinse> =>
      rinse(['run', input, '--out', out, '--queue', url, '--shard-size', '2', '--no-html', '--no-diffs', ...extra])
    expect((await run()).code).toBe(0)
    expect(fileHashes(join(out, 'cleaned'))).toEqual(fileHashes(join(work, 'single', 'cleaned')))
    expect(existsSync(join(out, 'diffs'))).toBe(false)

    const gone = Object.keys(fileHashes(join(out, 'cleaned'))).sort()[0]!
    rmSync(join(input, gone))
    const pruned = await run('--prune')
    expect(pruned.code, pruned.stdout + pruned.stderr).toBe(0)
    expect(readReport(out).stale).toEqual({
      pruned: true,
      outputs: [`cleaned/${gone}`]
    })
    expect(existsSync(join(out, 'cleaned', gone))).toBe(false)
    worker.kill('SIGTERM')
  }, 120_000)

  it('stops a file that hangs in a worker after --file-timeout, lists it as failed, and cleans the rest', async () => {
    const {work, input} = sampleCopy()
    const marker = 'RINSE-TEST-HANG-queue'
    writeFileSync(join(input, 'stuck.txt'), `Title\n\n${marker}\n`)
    // The only worker: one left running by an earlier test would take stuck.txt's job without the hook.
    await Promise.all(
      workers
        .filter((child) => child.exitCode === null && child.signalCode === null)
        .map((child) => {
          const exited = once(child, 'exit')
          child.kill('SIGKILL')
          return exited
        })
    )
    const worker = startWorker({hang: marker})
    await waitFor(worker, 'waiting for jobs')
    const single = await rinse(['run', input, '--out', join(work, 'single'), '--workers', '1', '--no-html', '--diffs'])
    const out = join(work, 'distributed')
    const result = await rinse(['run', input, '--out', out, '--queue', url, '--shard-size', '2', '--no-html', '--file-timeout', '2'])
    expect(result.code, result.stdout + result.stderr).toBe(1)
    expect(result.stderr).toMatch(/stuck\.txt: stopped after 2 s in [a-z]+\/[a-z-]+; the file is left out/)
    expect(readReport(out).failures.map((failure) => failure.path)).toEqual(['stuck.txt'])
    // Every other file is cleaned as on one machine (there, without the hook, the marker file is cleaned too).
    const cleaned = fileHashes(join(out, 'cleaned'))
    const expected = fileHashes(join(work, 'single', 'cleaned'))
    delete expected['stuck.txt']
    expect(single.code).toBe(0)
    expect(cleaned).toEqual(expected)
    // The worker is still there for the next run.
    expect(worker.exitCode).toBeNull()
    worker.kill('SIGTERM')
  }, 120_000)
})
