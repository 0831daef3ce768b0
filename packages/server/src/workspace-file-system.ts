/**
 * The server's file system: Langium's Node provider, but a workspace file's text is read at once.
 * At start Langium asks for every file of the workspace concurrently; 1,000 asynchronous reads (open,
 * stat, read, close on the thread pool each) cost more than reading the small files one by one.
 * A file far over the language's size limit is read only as far as the limit needs: the parser's
 * gate then reports `file-too-large` without a gigabyte in memory.
 */
import fs from 'node:fs';
import type { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import { LIMITS } from '@monitor/language';

/** Bytes that surely hold more characters than the limit (UTF-8: at most 4 bytes per character). */
const READ_AT_MOST = 4 * (LIMITS.fileChars + 1);

export class WorkspaceFileSystemProvider extends NodeFileSystemProvider {
    override readFile(uri: URI): Promise<string> {
        try {
            const size = fs.statSync(uri.fsPath).size;
            if (size <= READ_AT_MOST) return Promise.resolve(fs.readFileSync(uri.fsPath, this.encoding));
            const fd = fs.openSync(uri.fsPath, 'r');
            try {
                const buffer = Buffer.alloc(READ_AT_MOST);
                const read = fs.readSync(fd, buffer, 0, READ_AT_MOST, 0);
                return Promise.resolve(buffer.subarray(0, read).toString(this.encoding));
            } finally {
                fs.closeSync(fd);
            }
        } catch (error) {
            return Promise.reject(error);
        }
    }
}
