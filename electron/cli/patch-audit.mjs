#!/usr/bin/env node
// The package `bin`. The CLI is TypeScript run through tsx's loader, so `npm install` is
// enough to use it from a checkout; the desktop build bundles the same modules with esbuild.
import { register } from 'tsx/esm/api';

register();
const { warnIfUnsupportedNode } = await import('./nodeSupport.ts');
warnIfUnsupportedNode(process.version, process.env, (line) => process.stderr.write(line));
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv);
