/**
 * The linear-programme solver of disclosure control: HiGHS compiled to WebAssembly (npm `highs`), the
 * same maintained solver in Node, the language server and the preview webview (ARCHITECTURE.md says
 * why). It is loaded once per process. In Node `highs` finds `highs.wasm` beside its own script; a
 * bundle that moves the script (the webview) says where the .wasm is with `locateLinearSolver`.
 */

/** The part of the HiGHS API used here: solve an LP in CPLEX LP text format. */
export interface LinearSolver {
    solve(lp: string, options?: Record<string, unknown>): {
        Status: string;
        ObjectiveValue: number;
        Columns: Record<string, { Primal?: number; Dual?: number }>;
    };
}

let loading: Promise<LinearSolver> | null = null;
let locate: ((file: string) => string) | undefined;

/** Where `highs.wasm` is, for a bundle that does not keep it beside the script (before the first solve). */
export function locateLinearSolver(where: (file: string) => string): void {
    locate = where;
    loading = null;
}

/** HiGHS, loaded on first use. */
export function linearSolver(): Promise<LinearSolver> {
    loading ??= import('highs').then(async (m) => {
        const load = ((m as { default?: unknown }).default ?? m) as (options?: { locateFile?: (file: string) => string }) => Promise<LinearSolver>;
        return load(locate ? { locateFile: locate } : undefined);
    });
    // A failed load is tried again next time (and fails that computation: disclosure control never skips the solver).
    loading.catch(() => { loading = null; });
    return loading;
}
