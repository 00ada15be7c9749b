// Saving a file from the browser: an object URL clicked through a temporary link.

/** The name of an export made at `now`, e.g. zhijiao-data-2024-05-01.json. */
export function exportFileName(now: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `zhijiao-data-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

/** Offers `text` as a download named `name`. */
export function downloadText(name: string, text: string, type = 'application/json'): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
	// The download has taken the blob by the next task; revoking at once can cancel it in some browsers.
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
