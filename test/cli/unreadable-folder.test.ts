/**
 * A subfolder of the input that cannot be listed (a real EACCES from readdir). Tests
 * run as root, whom chmod 000 does not stop: as root the CLI is run as the user
 * `nobody` (uid 65534), for whom it does; as any other user, as that user.
 */
import {execFile, spawnSync} from 'node:child_process'
import {chmodSync, existsSync, mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {CLI, listFiles, readReport, tempDir, type CommandResult} from '../helpers.js'

const NOBODY = process.getuid?.() === 0 ? {uid: 65534, gid: 65534} : {}
// A checkout `nobody` cannot reach (under a private home folder) cannot run these tests.
const RUNS_UNPRIVILEGED = spawnSync(process.execPath, [CLI, '--version'], {...NOBODY}).status === 0

function rinseUnprivileged(args: string[]): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], {...NOBODY}, (error, stdout, stderr) => {
      resolve({code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr})
    })
  })
}

describe.skipIf(!RUNS_UNPRIVILEGED)(
  'rinse run: a folder that cannot be read (skipped where the user nobody cannot run the built CLI)',
  () => {
    let locked: string | undefined
    // Unlocked again, so that the temporary folder can be removed.
    afterEach(() => {
      if (locked) chmodSync(locked, 0o755)
    })

    /** work/in with a.txt, sub/b.txt and locked/c.txt, every part open to `nobody`; OUT is work/out. */
    function makeInput(): {input: string; out: string; folder: string} {
      const work = tempDir()
      chmodSync(work, 0o777)
      const input = join(work, 'in')
      for (const [path, text] of [
        ['a.txt', 'The first page, with a line of prose.\n\nShare this\n'],
        ['sub/b.txt', 'The second page says something else entirely.\n'],
        ['locked/c.txt', 'The third page is behind a folder no one may list.\n']
      ] as const) {
        mkdirSync(join(input, path, '..'), {recursive: true, mode: 0o755})
        writeFileSync(join(input, path), text, {mode: 0o644})
      }
      chmodSync(input, 0o755)
      return {input, out: join(work, 'out'), folder: join(input, 'locked')}
    }

    it('lists the folder under failures (exit 1) and cleans the rest', async () => {
      const {input, out, folder} = makeInput()
      chmodSync(folder, 0)
      locked = folder
      const result = await rinseUnprivileged(['run', input, '--out', out])
      expect(result.code).toBe(1)
      expect(result.stderr).toBe('rinse: locked/: cannot read the folder (permission denied)\n')
      expect(listFiles(join(out, 'cleaned'))).toEqual(['a.txt', join('sub', 'b.txt')])
      const report = readReport(out)
      expect(report.failures).toEqual([{path: 'locked/', error: 'cannot read the folder (permission denied)'}])
      expect(report.documents.map((document) => document.path)).toEqual(['a.txt', 'sub/b.txt'])
    })

    it('keeps the outputs an earlier run wrote for it, even with --prune', async () => {
      const {input, out, folder} = makeInput()
      const first = await rinseUnprivileged(['run', input, '--out', out, '-q'])
      expect(first.code).toBe(0)
      expect(existsSync(join(out, 'cleaned', 'locked', 'c.txt'))).toBe(true)
      chmodSync(folder, 0)
      locked = folder
      const again = await rinseUnprivileged(['run', input, '--out', out, '--prune', '-q'])
      expect(again.code).toBe(1)
      expect(again.stderr).toBe('rinse: locked/: cannot read the folder (permission denied)\n')
      expect(existsSync(join(out, 'cleaned', 'locked', 'c.txt'))).toBe(true)
      expect(readReport(out).stale?.outputs ?? []).toEqual([])
    })

    it('refuses an input folder that cannot be read (exit 2, no stack trace)', async () => {
      const {input, out} = makeInput()
      chmodSync(input, 0)
      locked = input
      const result = await rinseUnprivileged(['run', input, '--out', out])
      expect(result.code).toBe(2)
      expect(result.stderr).toBe(`rinse: input folder ${input}: cannot read the folder (permission denied)\n`)
    })
  }
)
