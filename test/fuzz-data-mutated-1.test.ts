/** Fuzzing with data on both engines, mutated cases, shard 1 of 3 (test/fuzz/data-fuzz-shards.ts). */
import { mutatedShard } from './fuzz/data-fuzz-shards.js';

mutatedShard(0);
