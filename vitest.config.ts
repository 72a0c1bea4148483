import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // A summary on every run; test/ and the scripts are not what is measured.
    coverage: {provider: 'v8', include: ['src/**'], reporter: ['text-summary']}
  }
})
