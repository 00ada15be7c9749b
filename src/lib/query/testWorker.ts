// For specs only: the facts worker's module run in Node (on fake-indexeddb) as a page load starts a
// worker, with its replies kept and a way to send it each kind of message (facts.worker.spec.ts,
// snapshot.worker.spec.ts).
import { vi } from 'vitest';
import type { QueryRequest } from './engine.ts';
import type { FactsWorkerReply, FactsWorkerRequest } from './facts.worker.ts';

/** A worker's scope: what the module posts to, and where a message to it goes. */
interface Scope {
	postMessage: (m: FactsWorkerReply) => void;
	onmessage: ((e: { data: FactsWorkerRequest }) => void) | null;
}
const g = globalThis as unknown as { self: Scope };

/** A worker started afresh (the module imported again): its replies, and a way to ask. */
export async function startWorker() {
	const replies: FactsWorkerReply[] = [];
	const waiting: (() => void)[] = [];
	// a scope of its own, as each real worker has: a worker of an earlier test that is still busy
	// replies into its own list, never into this one's
	const scope: Scope = {
		postMessage: (m) => {
			replies.push(m);
			for (const w of waiting.splice(0)) w();
		},
		onmessage: null
	};
	g.self = scope;
	vi.resetModules();
	await import('./facts.worker.ts');
	const send = (data: FactsWorkerRequest) => scope.onmessage!({ data });
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
			send({ type: 'load', dbName, read, prefetch });
			await until(() => replies.some((r) => r.type === 'loaded' && r.read === read));
		},
		async ingest(dbName: string, bytes: Uint8Array) {
			const id = ++ids;
			send({ type: 'ingest', id, dbName, parts: [bytes] });
			await until(() => reply(id, ['ingested', 'error']) !== undefined);
			return reply(id, ['ingested', 'error'])!;
		},
		async ask(request: QueryRequest) {
			const id = ++ids;
			send({ type: 'ask', id, request });
			await until(() => reply(id, ['answer', 'error']) !== undefined);
			const r = reply(id, ['answer', 'error'])!;
			if (r.type === 'error') throw new Error(r.message);
			return (r as { answer: unknown }).answer;
		}
	};
}
