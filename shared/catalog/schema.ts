/**
 * The shape of a catalog edition: Patch Manager's prerequisites as data (docs/design.md §4). Every entry
 * cites the rule of the seed it transcribes (P1–P7, docs/design.md §4) and
 * quotes its source sentence in the source's own language (the seed: Japanese; aws-2026-11: English).
 * An edition is validated when it is registered, so a new edition (TS object or parsed JSON) with a
 * typo in a family or a bound is refused at load, not mid-audit.
 */
import { z } from 'zod';
import { LocalizedText } from '../model';
import { PLATFORM_FAMILIES } from '../platform';
import { VERSION_BOUND } from './versionRange';

export const SOURCE_RULES = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7'] as const;
export const SourceRule = z.enum(SOURCE_RULES);
export type SourceRule = z.infer<typeof SourceRule>;

export const SourceRef = z.object({ rule: SourceRule, quote: z.string().min(1) });
export type SourceRef = z.infer<typeof SourceRef>;

const Version = z.string().regex(/^\d+(?:\.\d+)+$/, 'a dotted version such as 2.0.834.0');
const Bound = z.string().regex(VERSION_BOUND, 'a version bound such as 6.5, 8.x or 2012.03');
/** An OS range; no `to` is "and later" (aws-2026-11: "SUSE Linux Enterprise Server 15.3 and later"). */
export const VersionRangeSchema = z.object({ from: Bound, to: Bound.optional() });
/** The Python requirement always gives both ends. */
export const BoundedRangeSchema = z.object({ from: Bound, to: Bound });
const Family = z.enum(PLATFORM_FAMILIES);

export const OsEntry = z.object({
  family: Family,
  /** The seed's own wording of the line, e.g. "CentOS 6.5 - 7.9、8.0 - 8.5". */
  label: z.string().min(1),
  versions: z.array(VersionRangeSchema).min(1),
  source: SourceRef,
  /**
   * A caveat shown with a pass (the seed's Amazon Linux proxy note; aws-2026-11's Windows Server 2012
   * end-of-support note). With `versions`, only those versions get it.
   */
  note: z.object({ text: LocalizedText, versions: z.array(VersionRangeSchema).min(1).optional(), source: SourceRef }).optional(),
  /** Supported on Amazon EC2 instances only (aws-2026-11's macOS): a hybrid managed node fails `os.supported`. */
  ec2Only: z.object({ source: SourceRef }).optional(),
});
export type OsEntry = z.infer<typeof OsEntry>;

export const PlatformMatch = z.object({
  family: Family,
  /** Absent: every version of the family. */
  versions: z.array(VersionRangeSchema).min(1).optional(),
  label: z.string().min(1),
  source: SourceRef,
});
export type PlatformMatch = z.infer<typeof PlatformMatch>;

export const CatalogEdition = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: LocalizedText,
  /** What a person calls it wherever an edition is offered or named: which page, in which language, of when. */
  name: LocalizedText,
  /** The month (or year) the source page describes: the newest edition is the default for new audits. */
  describes: z.string().regex(/^\d{4}(?:-(?:0[1-9]|1[0-2]))?$/, 'a year or a month such as 2022 or 2026-11'),
  /** Where the edition comes from (document title, language, date it describes). */
  document: z.string().min(1),
  agent: z.object({ minimum: Version, source: SourceRef }),
  python: z.object({
    /** macOS and most Linux. */
    range: BoundedRangeSchema,
    python3Only: z.object({ families: z.array(Family).min(1), range: BoundedRangeSchema }),
    /** Platform types with no Python requirement (Windows). */
    notRequiredTypes: z.array(z.enum(['Linux', 'Windows', 'MacOS'])),
    source: SourceRef,
  }),
  /** Connectivity rules only cite their source: what they check is fixed by the rule ids. */
  patchSource: z.object({ linux: SourceRef, windows: SourceRef }),
  s3: z.object({ source: SourceRef }),
  os: z.array(OsEntry).min(1),
  unsupportedExamples: z.array(PlatformMatch),
  /** P6. Absent where the source no longer lists Windows Server 2008 (aws-2026-11 starts at 2012). */
  windows2008: z
    .object({
      match: PlatformMatch,
      vendorSupportEnded: z.iso.date(),
      lastSupportedAgent: Version,
      source: SourceRef,
    })
    .optional(),
  greengrassUnsupported: z.array(PlatformMatch),
});
export type CatalogEdition = z.infer<typeof CatalogEdition>;
/** What an edition file writes before validation (same shape; families and bounds checked at registration). */
export type CatalogEditionInput = z.input<typeof CatalogEdition>;
