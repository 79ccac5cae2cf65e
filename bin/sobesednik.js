#!/usr/bin/env -S node --max-old-space-size=192 --max-semi-space-size=16
// The live heap of a running bot or server is about 60 MB; without a limit V8 lets garbage pile up to several
// times that before a full collection. 192 MB keeps the process near 220 MB with 20,000 users (bench/bot-load).
// Most garbage is short-lived (one update's objects): a larger young generation collects it with fewer pauses,
// for about 15% more updates per second. `npm start` passes the same flags; bench/child.ts reads them here.
import '../dist/cli/main.js';
