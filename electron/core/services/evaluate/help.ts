/**
 * The commands `evaluate --help` hands a client, per shell, so the files arrive complete: each
 * source module names its own (`fromCliFiles.howToSave`), in the registry's order, so a new
 * source adds its lines here by being registered.
 */
import { CLI_SOURCES } from '../../audit/sources';

type Shell = 'bash' | 'powershell';
type Source = (typeof CLI_SOURCES)[number];

const SOURCES: readonly Source[] = CLI_SOURCES;
const dependency = (source: Source): string | undefined => ('dependsOn' in source ? source.dependsOn.on : undefined);

/** Registry order, but a source read from another's answers right after it (patches after patch states). */
const inSavingOrder = (source: Source): Source[] => [
  source,
  ...SOURCES.filter((other) => dependency(other) === source.key).flatMap(inSavingOrder),
];

const saving = (shell: Shell): string[] =>
  SOURCES.filter((source) => !SOURCES.some((other) => other.key === dependency(source)))
    .flatMap(inSavingOrder)
    .flatMap((source) => source.fromCliFiles?.howToSave[shell] ?? [])
    .map((line) => `    ${line}`);

export const COLLECT_COMMANDS = [
  '',
  'Collecting the files (one region at a time; add --region R --profile P as needed):',
  '',
  '  bash:',
  ...saving('bash'),
  '    patch-audit evaluate *.json',
  '',
  '  PowerShell (Windows PowerShell 5.1 writes UTF-16; both that and UTF-8 are read):',
  ...saving('powershell'),
  '    patch-audit evaluate (Get-ChildItem *.json)',
  '',
].join('\n');
