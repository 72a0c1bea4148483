#!/usr/bin/env node
// After a build: mark the CLI executable. (`npx rinse` inside this checkout finds
// the command through the package's link to itself, `"rinse": "file:."`.)
import {chmodSync} from 'node:fs'

chmodSync(new URL('../dist/cli/main.js', import.meta.url), 0o755)
