import {spawn} from 'node:child_process'
import {describe, expect, it} from 'vitest'
import {CLI, rinse} from '../helpers.js'

describe('rinse clean failing', () => {
  it('says in one line that its reader closed the pipe (EPIPE), with no stack trace, and exits 1', async () => {
    const records: string[] = []
    for (let i = 0; i < 50_000; i++) records.push(JSON.stringify({text: `A record of its own, number ${i}.`}))
    const child = spawn(process.execPath, [CLI, 'clean', '--format', 'jsonl'], {stdio: ['pipe', 'pipe', 'pipe']})
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    // Like `| head -1`: read the first output, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy())
    child.stdin.on('error', () => {})
    child.stdin.end(records.join('\n') + '\n')
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(stderr).toBe('rinse clean: cannot write standard output: it was closed (EPIPE)\n')
    expect(code).toBe(1)
  })

  // The test hook of src/engine/watch-point.ts blocks the thread on a text holding the marker, as a runaway rule would.
  const hang = {RINSE_TEST_HANG: 'RINSE-TEST-HANG-clean'}

  it('stops a document that takes longer than --file-timeout with one line naming it, and exits 1', async () => {
    const result = await rinse(['clean', '--file-timeout', '1'], {input: 'Title\n\nRINSE-TEST-HANG-clean\n', env: hang})
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/^rinse: <stdin>: could not be cleaned: stopped after 1 s in [a-z]+\/[a-z-]+/)
    expect(result.stderr.split('\n')).toHaveLength(2)
    expect(result.code).toBe(1)
  })

  it('passes a JSONL record that takes too long through unchanged and cleans the others, in input order', async () => {
    const lines = ['{"text":"one  two"}', '', '{"text":"RINSE-TEST-HANG-clean  x"}', '{"text":"three  four"}']
    const result = await rinse(['clean', '--format', 'jsonl', '--file-timeout', '1'], {input: lines.join('\n') + '\n', env: hang})
    expect(result.stdout.split('\n')).toEqual(['{"text":"one two"}', '', lines[2], '{"text":"three four"}', ''])
    expect(result.stderr).toMatch(/^rinse: <stdin>:3: could not be cleaned: stopped after 1 s in .*; passed through unchanged\n$/)
    expect(result.code).toBe(1)
  })

  it('keeps the one line of a pipeline-file problem', async () => {
    const result = await rinse(['clean', '--pipeline', '/no/such/pipeline.yaml'], {input: 'Some text.\n'})
    expect(result.stderr).toBe('rinse: /no/such/pipeline.yaml: cannot read the pipeline file (ENOENT)\n')
    expect(result.code).toBe(2)
  })
})
