/** Validation as the fuzz tests require it: a check that crashed is an error, never a diagnostic to skip. */
import type { DocumentBuilder, LangiumDocument } from 'langium';

/**
 * Builds `document` with validation and throws when a check crashed: Langium logs such an exception
 * with `console.error` and goes on, or reports it as a diagnostic "An error occurred …".
 */
export async function validateOrThrow(builder: DocumentBuilder, document: LangiumDocument): Promise<void> {
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => { logged.push(args[0]); };
    try {
        await builder.build([document], { validation: true });
    } finally {
        console.error = original;
    }
    if (logged.length > 0) throw new Error(`validation crashed: ${String(logged[0])}`);
    const crash = (document.diagnostics ?? []).find((d) => String(d.message).startsWith('An error occurred'));
    if (crash) throw new Error(String(crash.message));
}
