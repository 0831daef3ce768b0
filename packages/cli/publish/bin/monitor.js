#!/usr/bin/env node
// The `monitor` command of the installed package: the bundle in ../dist (packages/cli/scripts/bundle.mjs).
import '../dist/monitor.js';
