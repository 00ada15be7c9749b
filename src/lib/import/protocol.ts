// Messages between the import queue (main thread) and the extraction worker.
import type { DocumentRecords } from '../corpus/rebase.ts';
import type { FileProblem } from './problems.ts';

/** A file to extract; `alone`: in a batch of its own (its batch overran the time budget and is being tried file by file). */
export type ToWorker = { type: 'extract'; job: number; file: File; alone?: boolean };

export type WorkerStage = 'reading' | 'extracting';

export type FromWorker =
	/** the worker starts on these files together (reading, then extraction): one time budget for them all */
	| { type: 'batch'; jobs: number[] }
	| { type: 'progress'; job: number; stage: WorkerStage }
	| { type: 'done'; job: number; records: DocumentRecords; text: string; warnings: string[] }
	| { type: 'error'; job: number; problem: FileProblem };

/** What the worker posts: its messages of one moment together, in order. */
export type FromWorkerBatch = FromWorker[];
