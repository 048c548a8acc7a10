import { describe, expect, it } from 'vitest';
import { deletedText, importText } from './changes';

describe('the text of a change to the history', () => {
  it('names what an import added, and only when there are any, what it skipped and why', () => {
    expect(importText({ imported: [], alreadyPresent: [], repeatedInFile: [] })).toBe('Imported 0 snapshot(s).');
    expect(importText({ imported: [4, 5], alreadyPresent: [1], repeatedInFile: [5] })).toBe(
      'Imported 2 snapshot(s): #4, #5.\nAlready present, not added again: #1.\nHeld more than once in the file, added once: #5.',
    );
  });

  it('lists the deleted snapshots, or says nothing was', () => {
    expect(deletedText([2, 3])).toBe('Deleted #2, #3.');
    expect(deletedText([])).toBe('Nothing to delete.');
  });
});
