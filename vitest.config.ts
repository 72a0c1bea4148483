import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // A summary on every run; test/ and the scripts are not what is measured. The worker
    // threads' CommonJS entry (.cts) runs only from dist/, and the coverage parser cannot read it.
    coverage: {provider: 'v8', include: ['src/**'], exclude: ['src/**/*.cts'], reporter: ['text-summary']}
  }
})
