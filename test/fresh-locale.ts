/**
 * Runs before every test file (vitest `setupFiles`). Most files share their worker's process
 * (vitest.config.ts), so a file that leaves the diagnostics' language in Dutch (an in-process
 * `monitor … --lang nl`, say) would make the next file's English messages Dutch: each file starts in
 * English, as it would in a process of its own.
 */
import { setLocale } from '@monitor/language/messages';

setLocale('en');
