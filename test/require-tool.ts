/**
 * Tests that need an outside program (Chromium, code-server) skip with a printed reason where it is
 * absent — unless MONITOR_REQUIRE_ALL=1 (set by .ci/run), where a missing tool is a failure.
 */

/** Returns whether to run the tests that need `name`; throws when it is absent and every tool is required. */
export function requireTool(name: string, available: boolean): boolean {
    if (available) return true;
    if (process.env.MONITOR_REQUIRE_ALL === '1') {
        throw new Error(`${name} is required (MONITOR_REQUIRE_ALL=1) but is not installed.`);
    }
    console.warn(`Skipping the tests that need ${name}: it is not installed.`);
    return false;
}
