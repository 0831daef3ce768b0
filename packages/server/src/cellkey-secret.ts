/**
 * The secret of `perturb cellkey`, read from the environment (never from the .monitor file) by the
 * CLI and the language server alike. A monitor that perturbs but has no usable secret gets an error
 * at its `perturb` and publishes no count (docs/privacy-cellkey.md).
 */
import type { ProgramIR } from '@monitor/ir';
import { message } from '@monitor/language';
import type { SpanIssue } from './data-files.js';

/** The environment variable that holds the secret key of the cell key method. */
export const CELLKEY_SECRET_VARIABLE = 'MONITOR_CELLKEY_SECRET';

/** The shortest secret accepted: shorter ones could be found by trying them all. */
export const CELLKEY_SECRET_MIN_LENGTH = 16;

/** The secret to run `program` with (null when it does not perturb) or the issue that stops it. */
export function cellKeySecret(program: ProgramIR, env: Record<string, string | undefined> = process.env): { secret: string | null; issue: SpanIssue | null } {
    const perturb = program.monitor.privacy?.perturb;
    if (!perturb) return { secret: null, issue: null };
    const secret = env[CELLKEY_SECRET_VARIABLE] ?? '';
    const args = { variable: CELLKEY_SECRET_VARIABLE, length: CELLKEY_SECRET_MIN_LENGTH, actual: secret.length };
    if (secret === '') return { secret: null, issue: { span: perturb.span, severity: 'error', code: 'privacy-cellkey-secret-missing', message: message('privacy-cellkey-secret-missing', args) } };
    if (secret.length < CELLKEY_SECRET_MIN_LENGTH) {
        return { secret: null, issue: { span: perturb.span, severity: 'error', code: 'privacy-cellkey-secret-short', message: message('privacy-cellkey-secret-short', args) } };
    }
    return { secret, issue: null };
}
