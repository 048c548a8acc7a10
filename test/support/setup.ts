/**
 * Runs before every test file (vitest.config.ts `setupFiles`): the file gets its own empty
 * home and AWS configuration, and its temporary folders are removed when it has finished.
 */
import { afterAll } from 'vitest';
import { isolateHome } from './isolatedHome';
import { removeTempDirs } from './tempDir';

const isolated = isolateHome();

// Registered first, so it runs after the file's own afterAll hooks (which may still spawn, or
// close a database inside one of the folders).
afterAll(() => {
  isolated.restore();
  removeTempDirs();
});
