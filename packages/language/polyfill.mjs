// Node 20 lacks Object.groupBy, which chevrotain 13 (under Langium 4.4) calls. Plain JS, so that tools
// load it with --import before anything is built; entry points import `@monitor/language/polyfill` first.
if (typeof Object.groupBy !== 'function') {
  Object.groupBy = (items, key) => {
    const out = Object.create(null);
    let i = 0;
    for (const item of items) (out[key(item, i++)] ??= []).push(item);
    return out;
  };
}
