/** Parsing of command-line options shared by the subcommands. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
import { UsageError } from './analyse.js';

/** Parses options, turning unknown flags into usage errors with a readable message. */
export function parseOptions<T extends OptionsConfig>(args: string[], options: T): ReturnType<typeof parseArgs<{ options: T & { help: { type: 'boolean' } }; allowPositionals: true; strict: true }>> {
    try {
        return parseArgs({ args, options: { ...options, help: { type: 'boolean' } }, allowPositionals: true, strict: true });
    } catch (error) {
        throw new UsageError(`${(error as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, '')}. Run with --help for the options.`);
    }
}

/** Checks that an option has one of the allowed values. */
export function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
    if (value === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(value)) {
        throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not '${value}'.`);
    }
    return value as T;
}
