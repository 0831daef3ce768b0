/**
 * The server's file system: Langium's Node provider, but a workspace file's text is read at once.
 * At start Langium asks for every file of the workspace concurrently; 1,000 asynchronous reads (open,
 * stat, read, close on the thread pool each) cost more than reading the small files one by one.
 */
import fs from 'node:fs';
import type { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';

export class WorkspaceFileSystemProvider extends NodeFileSystemProvider {
    override readFile(uri: URI): Promise<string> {
        try {
            return Promise.resolve(fs.readFileSync(uri.fsPath, this.encoding));
        } catch (error) {
            return Promise.reject(error);
        }
    }
}
