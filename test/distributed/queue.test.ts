/**
 * The distributed mode against a real redis-server on a free loopback port, with
 * two `rinse worker` processes, one of them killed (SIGKILL) in the middle of a
 * job: the run must finish and equal a single-machine run of the same input.
 */
import {spawn, spawnSync, type ChildProcess} from 'node:child_process'
import {createHash} from 'node:crypto'
import {cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {createServer} from 'node:net'
import {join, relative} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {CLI, readReport, rinse, sampleCopy, tempDir} from '../helpers.js'

const hasRedis = spawnSync('redis-server', ['--version']).status === 0
if (!hasRedis && process.env.CI) throw new Error('redis-server is not installed; CI must run "apt-get install -y redis-server"')

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address() as {port: number}
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

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

function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {}
  for (const entry of readdirSync(dir, {recursive: true, withFileTypes: true})) {
    if (entry.isFile())
      files[relative(dir, join(entry.parentPath, entry.name))] = createHash('sha256')
        .update(readFileSync(join(entry.parentPath, entry.name)))
        .digest('hex')
  }
  return files
}

const reportOf = (out: string) => {
  const report = readReport(out)
  return {
    documents: report.documents.map(({ms, ...rest}) => rest),
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

  afterAll(() => {
    for (const worker of workers) worker.kill('SIGKILL')
    redis?.kill('SIGTERM')
  })

  it('finishes a run with a worker killed mid-job, with the same output as one machine', async () => {
    const work = tempDir()
    const input = join(work, 'in')
    const sample = join(import.meta.dirname, '..', '..', 'input')
    // 48 files: the sample eight times over with small changes, and exact copies for the dedup clusters.
    mkdirSync(input)
    for (let copy = 0; copy < 8; copy++) {
      cpSync(sample, join(input, `part-${copy}`), {recursive: true})
      for (const name of ['council-vote.txt', 'heatwave.txt']) {
        const file = join(input, `part-${copy}`, name)
        if (copy % 2 === 1) writeFileSync(file, readFileSync(file, 'utf8').replace('the', `the ${copy} `))
      }
    }
    const single = await rinse(['run', input, '--out', join(work, 'single'), '--workers', '1', '--no-html'])
    expect(single.code).toBe(0)

    const env = {...process.env, RINSE_WORKER_FILE_DELAY_MS: '150'}
    const start = (): ChildProcess => {
      const child = spawn(process.execPath, [CLI, 'worker', '--queue', url, '--lock-ms', '2000'], {
        env,
        stdio: ['ignore', 'pipe', 'inherit']
      })
      workers.push(child)
      return child
    }
    const doomed = start()
    const survivor = start()
    await Promise.all([waitFor(doomed, 'waiting for jobs'), waitFor(survivor, 'waiting for jobs')])

    const coordinator = rinse(['run', input, '--out', join(work, 'distributed'), '--queue', url, '--shard-size', '4', '--no-html'])
    await waitFor(doomed, 'started clean')
    doomed.kill('SIGKILL')
    const result = await coordinator
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('rinse: 48 files')
    // 12 jobs waited for at once: no listener-leak warning.
    expect(result.stderr).not.toContain('MaxListenersExceededWarning')

    expect(tree(join(work, 'distributed', 'cleaned'))).toEqual(tree(join(work, 'single', 'cleaned')))
    expect(tree(join(work, 'distributed', 'diffs'))).toEqual(tree(join(work, 'single', 'diffs')))
    expect(reportOf(join(work, 'distributed'))).toEqual(reportOf(join(work, 'single')))
    expect(reportOf(join(work, 'single')).clusters.length).toBeGreaterThan(0)
  }, 120_000)

  it('passes --no-diffs to its workers and prunes the outputs of inputs gone since the last run', async () => {
    const {work, input} = sampleCopy()
    const worker = spawn(process.execPath, [CLI, 'worker', '--queue', url], {stdio: ['ignore', 'pipe', 'inherit']})
    workers.push(worker)
    await waitFor(worker, 'waiting for jobs')
    const single = await rinse(['run', input, '--out', join(work, 'single'), '--workers', '1', '--no-html', '--no-diffs'])
    expect(single.code).toBe(0)
    const out = join(work, 'distributed')
    const run = (...extra: string[]): ReturnType<typeof rinse> =>
      rinse(['run', input, '--out', out, '--queue', url, '--shard-size', '2', '--no-html', '--no-diffs', ...extra])
    expect((await run()).code).toBe(0)
    expect(tree(join(out, 'cleaned'))).toEqual(tree(join(work, 'single', 'cleaned')))
    expect(existsSync(join(out, 'diffs'))).toBe(false)

    const gone = Object.keys(tree(join(out, 'cleaned'))).sort()[0]!
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
})
