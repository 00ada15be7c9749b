// The import worker: extraction off the main thread, one file at a time in arrival order.
import { extractFile } from './extractFile.ts';
import { problemBeforeReading, problemOf } from './problems.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

const post = (message: FromWorker) => (self as unknown as Worker).postMessage(message);
let chain: Promise<void> = Promise.resolve();

self.onmessage = (event: MessageEvent<ToWorker>) => {
	const { job, file } = event.data;
	chain = chain.then(async () => {
		// A huge file is refused by its size, before its bytes are read into memory.
		const early = problemBeforeReading(file.name, file.size);
		if (early) return post({ type: 'error', job, problem: early });
		post({ type: 'progress', job, stage: 'reading' });
		let bytes: Uint8Array;
		try {
			bytes = new Uint8Array(await file.arrayBuffer());
		} catch (e) {
			return post({ type: 'error', job, problem: problemOf(e) });
		}
		const result = await extractFile(file.name, bytes, (stage) => post({ type: 'progress', job, stage }));
		post(result.ok ? { type: 'done', job, records: result.records, text: result.text, warnings: result.warnings } : { type: 'error', job, problem: result.problem });
	});
};
