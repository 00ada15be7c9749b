// Client hooks: SvelteKit evaluates this module with its start-up code, a task of its own before the
// root layout's chunk (~600 kB) has come over the network.
//
// The first Intl.NumberFormat of a page loads ICU's number data (~15-25 ms of main-thread CPU on a
// busy 2-core machine), and svelte-i18n's init (src/lib/i18n) makes that first one while the root
// layout's modules are evaluated: the first load's longest task (issue 17). Made here, the cost falls
// in the start-up task, while the main thread otherwise waits for the layout's chunk.
try {
	new Intl.NumberFormat('zh-CN').format(1);
} catch {
	// no Intl: svelte-i18n will say so where it needs it
}
