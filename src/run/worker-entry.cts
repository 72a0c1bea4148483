/**
 * The file piscina starts each worker thread with. Piscina loads it with require(),
 * and on Node 20.19+ require() of an ES module can abort the thread on an internal
 * assertion (CreateRequiredModuleFacade, seen in CI); this CommonJS entry loads the
 * worker module with import() instead, which is not affected.
 */
import type {BatchResult, WorkerMessage} from './worker-protocol.js'

const worker: Promise<{default: (message: WorkerMessage) => BatchResult[]}> = import('./worker.js')

module.exports = async (message: WorkerMessage): Promise<BatchResult[]> => (await worker).default(message)
