/** "Did you mean" for column names. */

function distance(a: string, b: string): number {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const cur = [i];
        for (let j = 1; j <= b.length; j++) {
            cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        prev = cur;
    }
    return prev[b.length];
}

/** The candidate closest to `name` (case and surrounding spaces ignored), if it is close enough. */
export function suggestName(name: string, candidates: string[]): string | null {
    const norm = (s: string) => s.trim().toLowerCase();
    let best: string | null = null;
    let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
    for (const c of candidates) {
        const d = distance(norm(name), norm(c));
        if (d < bestDistance) { best = c; bestDistance = d; }
    }
    return best;
}
