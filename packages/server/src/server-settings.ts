/** What the client told the server at `initialize`: workspace trust, display language, folders. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locale } from '@monitor/language';

/** Settings shared by the server's providers; filled in at `initialize`. */
export interface ServerSettings {
    /** Untrusted: only syntax and reference checks; no data file is read, nothing is computed. */
    trusted: boolean;
    locale: Locale;
    /** Workspace folders as absolute paths. */
    folders: string[];
}

/** The defaults before `initialize`: untrusted until the client says otherwise. */
export function defaultSettings(): ServerSettings {
    return { trusted: false, locale: 'en', folders: [] };
}

/** The workspace a document's data paths must stay inside: its workspace folder, else its own folder. */
export function workspaceRootOf(settings: ServerSettings, uri: string): string {
    const file = fileURLToPath(uri);
    const inside = settings.folders
        .filter(f => { const rel = path.relative(f, file); return !rel.startsWith('..') && !path.isAbsolute(rel); })
        .sort((a, b) => b.length - a.length);
    return inside[0] ?? path.dirname(file);
}
