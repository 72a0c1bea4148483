/**
 * Test-only fault injection: `node --import ./test/faults/preload.mjs` (worker
 * threads inherit it through execArgv) makes file system calls on paths matching
 * RINSE_FAULT_PATH (a regular expression) fail with the errno RINSE_FAULT, the way
 * the kernel would:
 *   ENOSPC  data writes (after writing part of the buffer, as a filling disk does), without a path;
 *   EACCES  opening for writing, renaming onto the path, making the folder;
 *   EMFILE  any open, listing a folder.
 * RINSE_FAULT_SKIP: matching calls let through first; RINSE_FAULT_TIMES: faults
 * given before calls succeed again (default: every one). Counted per thread.
 * Production code has no hook for this: the shim patches node:fs itself.
 */
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import {syncBuiltinESMExports} from 'node:module'
import {constants} from 'node:os'

const CODE = process.env.RINSE_FAULT
const PATTERN = new RegExp(process.env.RINSE_FAULT_PATH ?? '.')
const SKIP = Number(process.env.RINSE_FAULT_SKIP ?? 0)
const TIMES = Number(process.env.RINSE_FAULT_TIMES ?? Infinity)

const MESSAGES = {ENOSPC: 'no space left on device', EACCES: 'permission denied', EMFILE: 'too many open files'}
/** Which calls each code is given on. */
const KINDS = {ENOSPC: ['write'], EACCES: ['open-write', 'rename', 'mkdir'], EMFILE: ['open-write', 'open-read', 'readdir']}

if (CODE) await install()

async function install() {
  if (!(CODE in MESSAGES)) throw new Error(`RINSE_FAULT: expected one of ${Object.keys(MESSAGES).join(', ')}, not ${CODE}`)
  const kinds = new Set(KINDS[CODE])
  let seen = 0
  let given = 0
  /** Paths of open descriptors, for the writes made through them. */
  const paths = new Map()
  /** Descriptors already given a short write: the next write fails. */
  const cut = new Set()

  const faults = (kind, path) => {
    if (!kinds.has(kind) || path === undefined || !PATTERN.test(String(path))) return false
    if (++seen <= SKIP || given >= TIMES) return false
    given++
    return true
  }
  const fault = (syscall, path) => {
    const error = new Error(`${CODE}: ${MESSAGES[CODE]}, ${syscall}${path === undefined ? '' : ` '${path}'`}`)
    return Object.assign(error, {errno: -constants.errno[CODE], code: CODE, syscall, ...(path === undefined ? {} : {path: String(path)})})
  }
  const openKind = (flags) => (flags === undefined || flags === 'r' || flags === fs.constants.O_RDONLY ? 'open-read' : 'open-write')
  const callback = (args) => args.findLast((arg) => typeof arg === 'function')

  const {openSync, open, writeSync, write, writev, renameSync, rename, mkdirSync, mkdir} = fs
  fs.openSync = function (path, flags, ...rest) {
    if (faults(openKind(flags), path)) throw fault('open', path)
    const fd = openSync.call(this, path, flags, ...rest)
    paths.set(fd, String(path))
    cut.delete(fd)
    return fd
  }
  fs.open = function (path, ...args) {
    const flags = typeof args[0] === 'function' ? undefined : args[0]
    if (faults(openKind(flags), path)) return process.nextTick(callback(args), fault('open', path))
    const done = callback(args)
    return open.call(this, path, ...args.slice(0, args.indexOf(done)), (error, fd) => {
      if (!error) paths.set(fd, String(path))
      done(error, fd)
    })
  }
  fs.writeSync = function (fd, buffer, offset, length, ...rest) {
    if (faults('write', paths.get(fd))) {
      const size = ArrayBuffer.isView(buffer) ? (length ?? buffer.byteLength - (offset ?? 0)) : 0
      // A disk that fills up takes part of a write first; the next write fails.
      if (!cut.has(fd) && size > 1) {
        cut.add(fd)
        return writeSync.call(this, fd, buffer, offset ?? 0, Math.floor(size / 2), ...rest)
      }
      throw fault('write')
    }
    return writeSync.call(this, fd, buffer, offset, length, ...rest)
  }
  fs.write = function (fd, ...args) {
    if (faults('write', paths.get(fd))) return process.nextTick(callback(args), fault('write'))
    return write.call(this, fd, ...args)
  }
  fs.writev = function (fd, ...args) {
    if (faults('write', paths.get(fd))) return process.nextTick(callback(args), fault('write'))
    return writev.call(this, fd, ...args)
  }
  // A string goes to a native fast path that skips openSync and writeSync: as bytes it takes the patched ones.
  const {writeFileSync} = fs
  fs.writeFileSync = function (path, data, options) {
    const encoding = typeof options === 'string' ? options : (options?.encoding ?? 'utf8')
    return writeFileSync.call(this, path, typeof data === 'string' ? Buffer.from(data, encoding) : data, options)
  }
  fs.renameSync = function (from, to) {
    if (faults('rename', to)) throw fault('rename', from)
    return renameSync.call(this, from, to)
  }
  fs.rename = function (from, to, done) {
    if (faults('rename', to)) return process.nextTick(done, fault('rename', from))
    return rename.call(this, from, to, done)
  }
  fs.mkdirSync = function (path, ...rest) {
    if (faults('mkdir', path)) throw fault('mkdir', path)
    return mkdirSync.call(this, path, ...rest)
  }
  fs.mkdir = function (path, ...args) {
    if (faults('mkdir', path)) return process.nextTick(callback(args), fault('mkdir', path))
    return mkdir.call(this, path, ...args)
  }

  const promises = {open: fsp.open, rename: fsp.rename, mkdir: fsp.mkdir, readdir: fsp.readdir}
  fsp.readdir = async (path, options) => {
    if (faults('readdir', path)) throw fault('scandir', path)
    return promises.readdir(path, options)
  }
  fsp.open = async (path, flags, mode) => {
    if (faults(openKind(flags), path)) throw fault('open', path)
    const handle = await promises.open(path, flags, mode)
    paths.set(handle.fd, String(path))
    cut.delete(handle.fd)
    return handle
  }
  fsp.rename = async (from, to) => {
    if (faults('rename', to)) throw fault('rename', from)
    return promises.rename(from, to)
  }
  fsp.mkdir = async (path, options) => {
    if (faults('mkdir', path)) throw fault('mkdir', path)
    return promises.mkdir(path, options)
  }
  // FileHandle is not exported: its prototype is that of any handle.
  const probe = await promises.open(new URL(import.meta.url), 'r')
  const handles = Object.getPrototypeOf(probe)
  await probe.close()
  const handleWrite = handles.write
  handles.write = async function (buffer, offset, length, ...rest) {
    if (faults('write', paths.get(this.fd))) {
      const size = ArrayBuffer.isView(buffer) ? (length ?? buffer.byteLength - (offset ?? 0)) : 0
      if (!cut.has(this.fd) && size > 1) {
        cut.add(this.fd)
        return handleWrite.call(this, buffer, offset ?? 0, Math.floor(size / 2), ...rest)
      }
      throw fault('write')
    }
    return handleWrite.call(this, buffer, offset, length, ...rest)
  }
  syncBuiltinESMExports()
}
