// How far one file has come, as a share of its work, for the per-file and overall bars.

export type ImportStatus = 'queued' | 'working' | 'done' | 'error';
export type RowStage = 'queued' | 'sent' | 'reading' | 'extracting' | 'storing' | 'stored';

const SHARE: Record<RowStage, number> = { queued: 0, sent: 0.05, reading: 0.15, extracting: 0.4, storing: 0.85, stored: 1 };

/**
 * 0…1 for a row: a finished row (done or error) counts whole, so the overall bar reaches the end.
 * @example progressOf('working', 'extracting') // 0.4
 */
export function progressOf(status: ImportStatus, stage: RowStage): number {
	return status === 'done' || status === 'error' ? 1 : SHARE[stage];
}
