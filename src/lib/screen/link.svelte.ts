// The BroadcastChannel between the wall and the presenter view, driven by sync.ts's state
// machine. A browser without BroadcastChannel (or a window alone) simply has no peers.
import { bye, CHANNEL, hello, openSync, parseMessage, presenterOpen, publish, receive, route, wallOpen, type Command, type Role, type Show, type Sync } from './sync.ts';
import type { ScreenPage } from './tour.ts';

export interface LinkHandlers {
	/** this window's show now, answered to a window that opens */
	current: () => Show | null;
	/** another window's newer show, to take over */
	adopt: (show: Show) => void;
	/** a presenter's key (walls only) */
	command?: (command: Command, page?: ScreenPage) => void;
}

export class ShowLink {
	#sync: Sync;
	#channel: BroadcastChannel | null = null;
	#handlers: LinkHandlers;
	/** the other windows open, by role: kept in $state so the views can say whether the wall is there */
	peers = $state<Record<string, Role>>({});

	constructor(role: Role, handlers: LinkHandlers) {
		this.#sync = openSync(crypto.randomUUID(), role);
		this.#handlers = handlers;
	}

	get wallOpen(): boolean {
		void this.peers;
		return wallOpen(this.#sync);
	}

	get presenterOpen(): boolean {
		void this.peers;
		return presenterOpen(this.#sync);
	}

	/** Joins the channel and says hello; returns the leave function (for an effect's cleanup). */
	open(): () => void {
		if (typeof BroadcastChannel === 'undefined') return () => {};
		const channel = new BroadcastChannel(CHANNEL);
		this.#channel = channel;
		channel.onmessage = (e) => {
			const m = parseMessage(e.data);
			if (!m) return;
			const r = receive(this.#sync, m, this.#handlers.current());
			this.#update(r.sync);
			if (r.adopt) this.#handlers.adopt(r.adopt);
			if (r.command) this.#handlers.command?.(r.command.command, r.command.page);
			if (r.send) channel.postMessage(r.send);
		};
		const leave = () => channel.postMessage(bye(this.#sync));
		addEventListener('pagehide', leave);
		channel.postMessage(hello(this.#sync));
		return () => {
			removeEventListener('pagehide', leave);
			leave();
			channel.close();
			this.#channel = null;
			this.#update({ ...this.#sync, peers: {} });
		};
	}

	/** Sends this window's show when it changed. */
	publish(show: Show): void {
		const { sync, send } = publish(this.#sync, show);
		this.#update(sync);
		if (send) this.#channel?.postMessage(send);
	}

	/** A presenter's key: true when it went to the wall, false when this window must apply it itself. */
	send(command: Command, page?: ScreenPage): boolean {
		const { local, send } = route(this.#sync, command, page);
		if (send) this.#channel?.postMessage(send);
		return !local;
	}

	#update(sync: Sync): void {
		const changed = JSON.stringify(sync.peers) !== JSON.stringify(this.#sync.peers);
		this.#sync = sync;
		if (changed) this.peers = sync.peers;
	}
}
