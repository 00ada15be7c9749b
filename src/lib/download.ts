// Saving a file from the browser: an object or data URL clicked through a temporary link.

/** The name of an export made at `now`, e.g. zhijiao-data-2024-05-01.json. */
export function exportFileName(now: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `zhijiao-data-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

/**
 * A file name from a title: characters that file systems refuse, and spaces, become dashes.
 * @example fileNameOf('成果 / 按年份', 'png') // '成果-按年份.png'
 */
export function fileNameOf(title: string, extension: string): string {
	const base = title.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '');
	return `${base || 'zhijiao'}.${extension}`;
}

/** Offers the resource at `url` (an object URL or a data URL) as a download named `name`. */
export function downloadUrl(name: string, url: string): void {
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
}

/** Offers `text` as a download named `name`. */
export function downloadText(name: string, text: string, type = 'application/json'): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	downloadUrl(name, url);
	// The download has taken the blob by the next task; revoking at once can cancel it in some browsers.
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
