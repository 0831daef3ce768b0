/** Starts the native engine when its binary loads here; otherwise says why tests skip. */
import { createNativeEngine } from '../../src/create-native-engine.js';
import type { Engine } from '../../src/engine-types.js';

/** Whether native DuckDB loads on this platform, and a factory for engines on it. */
export async function nativeOrSkip(): Promise<{ available: boolean; create: () => Promise<Engine> }> {
    try {
        const probe = await createNativeEngine();
        await probe.close();
        return { available: true, create: () => createNativeEngine() };
    } catch (error) {
        console.warn(`SKIP native DuckDB tests: ${(error as Error).message}`);
        return { available: false, create: () => Promise.reject(error) };
    }
}
