/** A one-line progress indicator on an interactive terminal; silent in CI logs and pipes. */

/** Updates or clears the progress line. */
export interface Progress {
    update(text: string): void;
    done(): void;
}

/** A progress line on stderr when it is a terminal and not CI (env `CI`), else a no-op. */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
    const active = Boolean(stream.isTTY) && !process.env.CI;
    let shown = false;
    return {
        update(text) {
            if (!active) return;
            const width = Math.max(20, (stream.columns || 80) - 1);
            stream.write(`\r\x1b[K${text.length > width ? text.slice(0, width - 1) + '…' : text}`);
            shown = true;
        },
        done() {
            if (active && shown) stream.write('\r\x1b[K');
            shown = false;
        },
    };
}
