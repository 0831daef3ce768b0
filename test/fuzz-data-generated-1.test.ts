/** Fuzzing with data on both engines, generated cases, shard 1 of 2 (test/fuzz/data-fuzz-shards.ts). */
import { generatedShard } from './fuzz/data-fuzz-shards.js';

generatedShard(0);
