// For specs only: the facts worker's module run in Node (on fake-indexeddb) as a page load starts a
// worker, with its replies kept and a way to send it each kind of message (facts.worker.spec.ts,
// snapshot.worker.spec.ts).
import { vi } from 'vitest';
import type { QueryRequest } from './engine.ts';
import type { FactsWorkerReply, FactsWorkerRequest } from './facts.worker.ts';

const g = globalThis as unknown as { self: unknown; postMessage: (m: FactsWorkerReply) => void; onmessage: ((e: { data: FactsWorkerRequest }) => void) | null };

/** A worker started afresh (the module imported again): its replies, and a way to ask. */
export async function startWorker() {
	const replies: FactsWorkerReply[] = [];
	const waiting: (() => void)[] = [];
	g.self = globalThis;
	g.postMessage = (m) => {
		replies.push(m);
		for (const w of waiting.splice(0)) w();
	};
	vi.resetModules();
	await import('./facts.worker.ts');
	const until = async (found: () => boolean) => {
		while (!found()) await new Promise<void>((resolve) => waiting.push(resolve));
	};
	const reply = (id: number, types: FactsWorkerReply['type'][]) => replies.find((r) => types.includes(r.type) && (r as { id?: number }).id === id);
	let ids = 0;
	return {
		replies,
		reads: () => replies.filter((r) => r.type === 'progress').length,
		/** Resolves once a read of the records has ended (a stored explore, timeline or map answer starts one). */
		readEnded: () => until(() => replies.some((r) => r.type === 'progress' && r.done === r.total)),
		prefetched: (read: number) => until(() => replies.some((r) => r.type === 'prefetched' && r.read === read)),
		async load(dbName: string, read: number, prefetch: QueryRequest[] = []) {
			g.onmessage!({ data: { type: 'load', dbName, read, prefetch } });
			await until(() => replies.some((r) => r.type === 'loaded' && r.read === read));
		},
		async ingest(dbName: string, bytes: Uint8Array) {
			const id = ++ids;
			g.onmessage!({ data: { type: 'ingest', id, dbName, parts: [bytes] } });
			await until(() => reply(id, ['ingested', 'error']) !== undefined);
			return reply(id, ['ingested', 'error'])!;
		},
		async ask(request: QueryRequest) {
			const id = ++ids;
			g.onmessage!({ data: { type: 'ask', id, request } });
			await until(() => reply(id, ['answer', 'error']) !== undefined);
			const r = reply(id, ['answer', 'error'])!;
			if (r.type === 'error') throw new Error(r.message);
			return (r as { answer: unknown }).answer;
		}
	};
}
