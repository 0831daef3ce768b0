/**
 * A small seeded pseudo-random generator and the distributions the example models need.
 * Invariant: every number comes from the generator made here, so one seed gives one data set.
 */

/** mulberry32: a 32-bit generator, returns a function giving floats in [0, 1). */
function mulberry32(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** A random source with the draws the generators use; all draws advance one stream. */
export function createRandom(seed) {
    const next = mulberry32(seed);
    const random = {
        /** Uniform float in [0, 1). */
        float: next,
        /** Uniform integer in [lo, hi], both inclusive. */
        int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
        /** True with probability p. */
        chance: p => next() < p,
        /** Standard normal (Box–Muller; one value per call keeps the stream simple). */
        normal: () => {
            const u = 1 - next(); // (0, 1], so log(u) is finite
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
        },
        /** Log-normal with the given median and log-scale spread. */
        logNormal: (median, sigma) => median * Math.exp(sigma * random.normal()),
        /** Poisson count with mean lambda (Knuth; the models only use small means). */
        poisson: lambda => {
            const limit = Math.exp(-lambda);
            let k = 0;
            let p = next();
            while (p > limit) {
                k += 1;
                p *= next();
            }
            return k;
        },
        /** Picks a key of `weights` ({ key: weight }) in proportion to its weight. */
        pick: weights => {
            const entries = Object.entries(weights);
            const total = entries.reduce((sum, [, w]) => sum + w, 0);
            let r = next() * total;
            for (const [key, w] of entries) {
                r -= w;
                if (r < 0) return key;
            }
            return entries[entries.length - 1][0];
        },
        /** A lowercase hexadecimal string of `length` characters. */
        hex: length => {
            let s = '';
            while (s.length < length) s += Math.floor(next() * 16).toString(16);
            return s;
        },
    };
    return random;
}
