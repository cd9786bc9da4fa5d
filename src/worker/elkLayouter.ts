/**
 * ELK for the engine worker: elk-api talking to ELK's own classic worker (STACK.md gotcha 7:
 * elk.bundled.js would take over this worker's onmessage). Created on first layout, because
 * `new ELK()` starts the 1.6 MB ELK worker at once. Owned by the canvas work (src/layout/).
 */
import ELK from 'elkjs/lib/elk-api.js';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { ElkLayouter } from '../layout/layoutGraph';

let elk: ElkLayouter | undefined;

export function getElkLayouter(): ElkLayouter {
  elk ??= new ELK({ workerFactory: () => new Worker(elkWorkerUrl) });
  return elk;
}
