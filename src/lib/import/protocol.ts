// Messages between the import queue (main thread) and the extraction worker.
import type { DocumentRecords } from '../corpus/rebase.ts';
import type { FileProblem } from './problems.ts';

export type ToWorker = { type: 'extract'; job: number; file: File };

export type WorkerStage = 'reading' | 'extracting';

export type FromWorker =
	| { type: 'progress'; job: number; stage: WorkerStage }
	| { type: 'done'; job: number; records: DocumentRecords; text: string; warnings: string[] }
	| { type: 'error'; job: number; problem: FileProblem };

/** What the worker posts: its messages of one moment together, in order. */
export type FromWorkerBatch = FromWorker[];
