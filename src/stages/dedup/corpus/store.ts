/**
 * Persistent index (SQLite via better-sqlite3) so a new batch is deduplicated
 * against every earlier batch.
 *
 * Safety: WAL journal, and each batch is written in one transaction — a crash
 * or kill mid-run leaves the file as it was before the batch. The options that
 * shape signatures (the MinHash settings and the passage size) are recorded on creation; opening with different ones throws, since
 * old and new signatures would not be comparable.
 *
 * Per document: batch, path, 64-bit exact hash (two columns, indexed), words,
 * shingle count, decision, b-bit MinHash signature (BLOB, 1 byte per hash),
 * passages (BLOB); band keys and passage keys in indexed WITHOUT ROWID tables.
 *
 * Flow for one batch:
 *   const store = DedupStore.open('rinse.db', options)
 *   const batch = store.beginBatch('2024-06-01')   // a label; re-running a label replaces that batch
 *   const index = new DedupIndex(options, {batch})
 *   for (…) index.add(collect(doc, options))
 *   store.loadPrior(index)                         // earlier documents that can match this batch
 *   const clusters = index.clusters(); const decisions = index.decisions()
 *   store.commit(index)                            // one transaction
 *   store.close()
 */
import {createRequire} from 'node:module'
import type Database from 'better-sqlite3'
import type {DocSignature} from './collect.js'
import type {DedupIndex} from './dedup-index.js'
import {minhashOptions, resolveOptions, type CorpusDedupInput, type CorpusDedupOptions} from './options.js'

const SCHEMA_VERSION = '1'
const BAND_SCALE = 2 ** 32
const PASSAGE_SCALE = 2 ** 16

type Db = InstanceType<typeof Database>

// The native module loads only when a run opens an index: importing rinse does not need it.
const openDatabase = (file: string): Db => new (createRequire(import.meta.url)('better-sqlite3') as typeof Database)(file)

interface DocRow {
  id: number
  batch: number
  path: string
  exact0: number
  exact1: number
  words: number
  shingles: number
  signature: Buffer
  passages: Buffer | null
}

/** Passage columns packed into one BLOB: h0[n] as uint32, then h1[n], block[n], words[n] as uint16 (little-endian). */
export function encodePassages(sig: DocSignature): Buffer {
  const n = sig.passageHash0.length
  const buf = Buffer.alloc(n * 10)
  for (let i = 0; i < n; i++) {
    buf.writeUInt32LE(sig.passageHash0[i]!, i * 4)
    buf.writeUInt16LE(sig.passageHash1[i]!, 4 * n + i * 2)
    buf.writeUInt16LE(sig.passageBlocks[i]!, 6 * n + i * 2)
    buf.writeUInt16LE(sig.passageWords[i]!, 8 * n + i * 2)
  }
  return buf
}

export function decodePassages(buf: Buffer | null): Pick<DocSignature, 'passageHash0' | 'passageHash1' | 'passageWords' | 'passageBlocks'> {
  const n = buf ? buf.length / 10 : 0
  const out = {
    passageHash0: new Uint32Array(n),
    passageHash1: new Uint16Array(n),
    passageWords: new Uint16Array(n),
    passageBlocks: new Uint16Array(n)
  }
  for (let i = 0; i < n; i++) {
    out.passageHash0[i] = buf!.readUInt32LE(i * 4)
    out.passageHash1[i] = buf!.readUInt16LE(4 * n + i * 2)
    out.passageBlocks[i] = buf!.readUInt16LE(6 * n + i * 2)
    out.passageWords[i] = buf!.readUInt16LE(8 * n + i * 2)
  }
  return out
}

/** 48-bit passage key (exact in a double and in SQLite INTEGER). */
function passageKey(h0: number, h1: number): number {
  return h0 * PASSAGE_SCALE + h1
}

export interface StoreStats {
  batches: number
  documents: number
  fileBytes: number
}

export class DedupStore {
  readonly options: CorpusDedupOptions
  private readonly db: Db
  private pendingBatch: {id: number; label: string; exists: boolean} | undefined

  private constructor(db: Db, options: CorpusDedupOptions) {
    this.db = db
    this.options = options
  }

  /** Opens (creating if needed) the index file. Throws if it was built with incompatible options. */
  static open(file: string, input: CorpusDedupInput | CorpusDedupOptions = {}): DedupStore {
    const options = resolveOptions(input)
    const db = openDatabase(file)
    try {
      db.pragma('journal_mode = WAL')
      db.pragma('synchronous = NORMAL')
      db.pragma('busy_timeout = 5000')
      db.exec(`
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS batches (id INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE, created TEXT NOT NULL, documents INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS docs (
          id INTEGER PRIMARY KEY, batch INTEGER NOT NULL, path TEXT NOT NULL,
          exact0 INTEGER NOT NULL, exact1 INTEGER NOT NULL, words INTEGER NOT NULL, shingles INTEGER NOT NULL,
          action TEXT, signature BLOB NOT NULL, passages BLOB, UNIQUE (batch, path));
        CREATE INDEX IF NOT EXISTS docs_exact ON docs (exact0, exact1);
        CREATE TABLE IF NOT EXISTS bands (key INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (key, doc)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS passage_keys (key INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (key, doc)) WITHOUT ROWID;
      `)
      const fingerprint = JSON.stringify({
        version: SCHEMA_VERSION,
        ...Object.fromEntries(Object.keys(minhashOptions.shape).map((key) => [key, options[key as keyof typeof minhashOptions.shape]])),
        passageMinWords: options.passage.minWords
      })
      const row = db.prepare('SELECT value FROM meta WHERE key = ?').get('signature-options') as {value: string} | undefined
      if (!row) db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('signature-options', fingerprint)
      else if (row.value !== fingerprint) {
        throw new Error(
          `dedup index ${file} was built with other signature options (${row.value}); these are ${fingerprint}. Use a new index file or the same options.`
        )
      }
    } catch (error) {
      db.close()
      throw error
    }
    return new DedupStore(db, options)
  }

  /**
   * Starts a batch: returns its number (earlier batches have smaller numbers).
   * A label seen before reuses its number; its old documents are ignored as
   * prior matches and replaced at commit.
   */
  beginBatch(label: string): number {
    const row = this.db.prepare('SELECT id FROM batches WHERE label = ?').get(label) as {id: number} | undefined
    if (row) {
      this.pendingBatch = {id: row.id, label, exists: true}
      return row.id
    }
    const max = this.db.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM batches').get() as {id: number}
    this.pendingBatch = {id: max.id + 1, label, exists: false}
    return max.id + 1
  }

  /**
   * Adds to `index` every document of an earlier batch that shares an LSH
   * band (two bands when rows ≤ 3: 24-bit keys would otherwise bring in
   * random documents from a large store; at J = 0.5 two of 42 bands still
   * match 97 % of the time), a passage (in ≤ passage.maxDocs stored documents) or the exact hash
   * with a document of the current batch. Returns how many were added.
   */
  loadPrior(index: DedupIndex): number {
    const batch = index.batch
    const ids = index.idsOfBatch()
    const o = this.options
    const db = this.db
    db.exec(`
      CREATE TEMP TABLE IF NOT EXISTS q_bands (key INTEGER PRIMARY KEY) WITHOUT ROWID;
      CREATE TEMP TABLE IF NOT EXISTS q_pass (key INTEGER PRIMARY KEY) WITHOUT ROWID;
      CREATE TEMP TABLE IF NOT EXISTS q_exact (e0 INTEGER NOT NULL, e1 INTEGER NOT NULL, PRIMARY KEY (e0, e1)) WITHOUT ROWID;
      DELETE FROM q_bands; DELETE FROM q_pass; DELETE FROM q_exact;
    `)
    const addBand = db.prepare('INSERT OR IGNORE INTO q_bands (key) VALUES (?)')
    const addPass = db.prepare('INSERT OR IGNORE INTO q_pass (key) VALUES (?)')
    const addExact = db.prepare('INSERT OR IGNORE INTO q_exact (e0, e1) VALUES (?, ?)')
    db.transaction(() => {
      for (const id of ids) {
        const sig = index.signatureOf(id)
        addExact.run(sig.exact0, sig.exact1)
        if (sig.words < o.minWords) continue
        const keys = index.bandKeysOf(id)
        for (let b = 0; b < keys.length; b++) addBand.run(b * BAND_SCALE + keys[b]!)
        for (let p = 0; p < sig.passageHash0.length; p++) addPass.run(passageKey(sig.passageHash0[p]!, sig.passageHash1[p]!))
      }
    })()
    const rows = db
      .prepare(
        `SELECT id, batch, path, exact0, exact1, words, shingles, signature, passages FROM docs
         WHERE batch != @batch AND id IN (
           SELECT b.doc FROM q_bands q JOIN bands b ON b.key = q.key GROUP BY b.doc HAVING COUNT(*) >= @minBands
           UNION SELECT p.doc FROM q_pass q JOIN passage_keys p ON p.key = q.key
             WHERE (SELECT COUNT(*) FROM passage_keys c WHERE c.key = q.key) <= @maxDocs
           UNION SELECT d.id FROM q_exact q JOIN docs d ON d.exact0 = q.e0 AND d.exact1 = q.e1)
         ORDER BY id`
      )
      .all({batch, maxDocs: o.passage.maxDocs, minBands: o.rows <= 3 ? 2 : 1}) as DocRow[]
    for (const row of rows) {
      index.add({
        path: row.path,
        batch: row.batch,
        words: row.words,
        shingles: row.shingles,
        exact0: row.exact0,
        exact1: row.exact1,
        minhash: new Uint8Array(row.signature),
        ...decodePassages(row.passages)
      })
    }
    return rows.length
  }

  /**
   * Writes the current batch's documents (with their decisions) in one
   * transaction. Returns the number of documents written.
   */
  commit(index: DedupIndex): number {
    const pending = this.pendingBatch
    if (!pending || pending.id !== index.batch)
      throw new Error('dedup store: call beginBatch() and build the index with that batch number before commit()')
    const db = this.db
    const decisions = index.decisions()
    const ids = index.idsOfBatch()
    const o = this.options
    const insertDoc = db.prepare(
      'INSERT INTO docs (batch, path, exact0, exact1, words, shingles, action, signature, passages) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'
    )
    const insertBand = db.prepare('INSERT OR IGNORE INTO bands (key, doc) VALUES (?, ?)')
    const insertPassage = db.prepare('INSERT OR IGNORE INTO passage_keys (key, doc) VALUES (?, ?)')
    db.transaction(() => {
      if (pending.exists) {
        db.prepare('DELETE FROM bands WHERE doc IN (SELECT id FROM docs WHERE batch = ?)').run(pending.id)
        db.prepare('DELETE FROM passage_keys WHERE doc IN (SELECT id FROM docs WHERE batch = ?)').run(pending.id)
        db.prepare('DELETE FROM docs WHERE batch = ?').run(pending.id)
        db.prepare('UPDATE batches SET documents = ?, created = ? WHERE id = ?').run(ids.length, new Date().toISOString(), pending.id)
      } else {
        db.prepare('INSERT INTO batches (id, label, created, documents) VALUES (?, ?, ?, ?)').run(
          pending.id,
          pending.label,
          new Date().toISOString(),
          ids.length
        )
      }
      for (const id of ids) {
        const sig = index.signatureOf(id)
        const action = decisions.get(sig.path)?.action ?? 'keep'
        const info = insertDoc.run(
          pending.id,
          sig.path,
          sig.exact0,
          sig.exact1,
          sig.words,
          sig.shingles,
          action,
          Buffer.from(sig.minhash.buffer, sig.minhash.byteOffset, sig.minhash.byteLength),
          sig.passageHash0.length > 0 ? encodePassages(sig) : null
        )
        const doc = Number(info.lastInsertRowid)
        if (sig.words >= o.minWords) {
          const keys = index.bandKeysOf(id)
          for (let b = 0; b < keys.length; b++) insertBand.run(b * BAND_SCALE + keys[b]!, doc)
        }
        for (let p = 0; p < sig.passageHash0.length; p++) insertPassage.run(passageKey(sig.passageHash0[p]!, sig.passageHash1[p]!), doc)
      }
    })()
    this.pendingBatch = undefined
    return ids.length
  }

  stats(): StoreStats {
    const batches = (this.db.prepare('SELECT COUNT(*) AS n FROM batches').get() as {n: number}).n
    const documents = (this.db.prepare('SELECT COUNT(*) AS n FROM docs').get() as {n: number}).n
    const page = this.db.pragma('page_count', {simple: true}) as number
    const size = this.db.pragma('page_size', {simple: true}) as number
    return {batches, documents, fileBytes: page * size}
  }

  /** Checkpoints the WAL into the main file and closes. */
  close(): void {
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)')
    } finally {
      this.db.close()
    }
  }
}
