/**
 * Node 20 lacks Object.groupBy, which chevrotain 13 (under Langium 4.4) calls.
 * Every entry point imports this module first.
 */
type GroupBy = <T>(items: Iterable<T>, key: (item: T, index: number) => PropertyKey) => Record<PropertyKey, T[]>;

const target = Object as unknown as { groupBy?: GroupBy };
if (typeof target.groupBy !== 'function') {
    target.groupBy = (items, key) => {
        const out: Record<PropertyKey, unknown[]> = Object.create(null);
        let i = 0;
        for (const item of items) (out[key(item, i++)] ??= []).push(item);
        return out as never;
    };
}
export {};
