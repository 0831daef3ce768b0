/** Parsing of command-line options shared by the subcommands. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
import { ENGINE_CHOICES, type EngineChoice } from './engine-choice.js';
import { UsageError } from './usage-error.js';

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

/**
 * Takes `--engine NAME` (or `--engine=NAME`) out of the arguments of a computing command: the engine
 * (default `auto`) and the other arguments. An unknown name is a usage error.
 */
export function takeEngine(args: string[]): { engine: EngineChoice; rest: string[] } {
    const at = args.findIndex(a => a === '--engine' || a.startsWith('--engine='));
    if (at < 0) return { engine: 'auto', rest: args };
    const inline = args[at].includes('=');
    const value = inline ? args[at].slice('--engine='.length) : args[at + 1];
    const engine = oneOf('engine', value ?? '', ENGINE_CHOICES, 'auto');
    return { engine, rest: [...args.slice(0, at), ...args.slice(at + (inline ? 1 : 2))] };
}
