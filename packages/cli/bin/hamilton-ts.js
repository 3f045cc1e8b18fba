#!/usr/bin/env node
// The installed `hamilton-ts` command: the compiled entry point does the work.
import '../dist/main.js';
