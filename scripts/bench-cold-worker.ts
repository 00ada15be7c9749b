// One file through the corpus CLI's job on a thread of its own (bench:hostile's cold figures): a new
// isolate, so the extractor's code is not yet compiled by the JIT and its tables not yet built, as on
// the first document a pool worker or the import page's worker reads. Loading is not counted.
import { parentPort, workerData } from 'node:worker_threads';
import { runJob, type Job } from './corpus-worker.ts';

/** This thread's CPU time in ms (the process's where Node cannot tell a thread's own). */
const threadMs = (): number => {
	const u = typeof process.threadCpuUsage === 'function' ? process.threadCpuUsage() : process.cpuUsage();
	return (u.user + u.system) / 1000;
};
/**
 * The process's CPU time in ms: while this job runs (the main thread only waits for it) that is the
 * thread's own plus what V8 does beside it for it, compiling its hot code and collecting its garbage
 * on helper threads, which on a machine of two cores is time taken from the other worker.
 */
const processMs = (): number => {
	const u = process.cpuUsage();
	return (u.user + u.system) / 1000;
};

const thread0 = threadMs();
const process0 = processMs();
const wall0 = performance.now();
const prepared = await runJob(workerData as Job);
parentPort!.postMessage({ cold: true, cpuMs: threadMs() - thread0, processMs: processMs() - process0, wallMs: performance.now() - wall0, kept: prepared.records !== null });
