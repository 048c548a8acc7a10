/** What a change to the history did, as terminal text: snapshots imported, snapshots deleted. */
const idList = (ids: readonly number[]): string => ids.map((id) => `#${id}`).join(', ');

/** The snapshots an import added, those already here and those the file held twice (services' ImportOutcome). */
type Imported = Record<'imported' | 'alreadyPresent' | 'repeatedInFile', readonly number[]>;

export function importText({ imported, alreadyPresent, repeatedInFile }: Imported): string {
  return [
    `Imported ${imported.length} snapshot(s)${imported.length ? `: ${idList(imported)}` : ''}.`,
    ...(alreadyPresent.length ? [`Already present, not added again: ${idList(alreadyPresent)}.`] : []),
    ...(repeatedInFile.length ? [`Held more than once in the file, added once: ${idList(repeatedInFile)}.`] : []),
  ].join('\n');
}

export const deletedText = (deleted: readonly number[]): string => (deleted.length ? `Deleted ${idList(deleted)}.` : 'Nothing to delete.');
