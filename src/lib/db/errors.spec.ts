import { describe, expect, test } from 'vitest';
import { StorageError, asStorageError, storageFault } from './errors.ts';

describe('storageFault', () => {
	test.each([
		['a QuotaExceededError', new DOMException('', 'QuotaExceededError'), 'quota'],
		['a Dexie error around one', { name: 'AbortError', inner: { name: 'QuotaExceededError' } }, 'quota'],
		["Dexie's BulkError of clashing keys", { name: 'BulkError', failures: [{ name: 'ConstraintError', message: 'Key already exists' }] }, 'collision'],
		['a ConstraintError', { name: 'ConstraintError' }, 'collision'],
		['a call stack overflow', new RangeError('Maximum call stack size exceeded'), 'tooLarge'],
		['a closed database', { name: 'DatabaseClosedError' }, 'closed'],
		['anything else', new Error('x'), 'unknown']
	])('%s is %s', (_, e, fault) => expect(storageFault(e)).toBe(fault));
});

describe('asStorageError', () => {
	test('passes results through and wraps failures with their first detail', async () => {
		expect(await asStorageError(async () => 3)).toBe(3);
		const e = await asStorageError(() => Promise.reject({ name: 'BulkError', message: '2 of 3 failed', failures: [{ name: 'ConstraintError', message: 'Key already exists' }] })).catch((x: unknown) => x);
		expect(e).toBeInstanceOf(StorageError);
		expect(e).toMatchObject({ fault: 'collision', message: 'Key already exists' });
	});
});
