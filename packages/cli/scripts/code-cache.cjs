'use strict';
// Runs the CLI's CommonJS bundle (publish/dist/monitor.cjs) through V8's code cache: the first run
// compiles it and keeps the compiled code in the user's cache folder; every later run takes it from
// there instead of parsing ~3 MB of JavaScript again (Node 20 has no code cache for ES modules:
// `module.enableCompileCache` came with Node 22). Copied into publish/dist by bundle.mjs.
// MONITOR_CODE_CACHE=off (or a cache folder that cannot be written) runs the same code without it.
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');
const { Module, createRequire } = require('node:module');

const hash = (parts) => crypto.createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 16);

/** The prefix of every cache of `file` (one install: its path), whatever its version. */
function prefixOf(file) {
    return `${path.basename(file)}-${hash([file])}-`;
}

/** The cache file of `file`: its path, size and time, Node's version and the CPU in the name; undefined when switched off. */
function cacheFileOf(file, stat) {
    if (process.env.MONITOR_CODE_CACHE === 'off') return undefined;
    const home = os.homedir();
    const base = process.env.XDG_CACHE_HOME || (home ? path.join(home, '.cache') : os.tmpdir());
    return path.join(base, 'monitor-as-code', `${prefixOf(file)}${hash([stat.size, stat.mtimeMs, process.version, process.arch])}.v8cache`);
}

/**
 * Writes the compiled code of `script` to `cache` (a temporary file, then a rename: readers never see
 * half), and removes the caches of other versions of the same file (an update leaves none behind;
 * another install, at another path, keeps its own).
 */
function keep(script, cache, file) {
    try {
        const dir = path.dirname(cache);
        fs.mkdirSync(dir, { recursive: true });
        const temporary = `${cache}.${process.pid}.tmp`;
        fs.writeFileSync(temporary, script.createCachedData());
        fs.renameSync(temporary, cache);
        const prefix = prefixOf(file);
        for (const old of fs.readdirSync(dir)) {
            if (old.startsWith(prefix) && old.endsWith('.v8cache') && old !== path.basename(cache)) fs.rmSync(path.join(dir, old), { force: true });
        }
    } catch {
        // No writable cache folder: the next run compiles again, as without a cache.
    }
}

/** Loads the CommonJS file `file` (absolute) as `require` would, with the code cache; returns its exports. */
exports.load = function load(file) {
    const source = fs.readFileSync(file, 'utf8');
    const cache = cacheFileOf(file, fs.statSync(file));
    let cachedData;
    try { if (cache) cachedData = fs.readFileSync(cache); } catch { cachedData = undefined; }
    const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
    // Written when the process ends, so that the functions this run compiled are in it too.
    if (cache && (!cachedData || script.cachedDataRejected)) process.once('exit', () => keep(script, cache, file));
    const module = new Module(file);
    module.filename = file;
    module.paths = Module._nodeModulePaths(path.dirname(file));
    script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
    module.loaded = true;
    return module.exports;
};
