/** The editor's `monitor.privacy.minimum`: a floor under every file's own privacy minimum. */
import type { ProgramIR } from '@monitor/ir';

/**
 * The program with its privacy minimum raised to `minimum` (never lowered); a file without a privacy
 * block (or with `privacy none`) gets one with that minimum and no rounding. Invariant: the result's minimum ≥ the file's.
 */
export function withPrivacyFloor(program: ProgramIR, minimum: number | null): ProgramIR {
    const own = program.monitor.privacy;
    if (minimum === null || (own && own.minimum >= minimum)) return program;
    // The floor applies to `privacy none` too: the editor's setting is the analyst's own safety net.
    const { privacyNone: _none, ...monitor } = program.monitor;
    return { ...program, monitor: { ...monitor, privacy: { ...(own ?? {}), minimum, round: own?.round ?? 1 } } };
}
