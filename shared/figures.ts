/**
 * The headline figures (issue 27, docs/design.md §4): each defined once, with a stable id, its
 * unit, the nodes it counts (its population), an en/ja label and definition, and how it is
 * computed from the store's per-area summaries. The Overview cards, the Missing patches page, the
 * report, the CSV/JSON exports and `patch-audit figures` all read these; nothing else computes a
 * headline figure.
 *
 * AWS's semantics, from the SSM API reference:
 * - InstancePatchState.CriticalNonCompliantCount: Critical patches that "aren't installed. These
 *   patches might be missing, have failed installation, were rejected, or were installed but
 *   awaiting a required managed node reboot" (so it counts pending-reboot patches too)
 *   https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_InstancePatchState.html
 * - DescribePatchGroupState.InstancesWithInstalledPendingRebootPatches: nodes with patches
 *   "installed by Patch Manager that haven't been rebooted after the patch installation. The
 *   status of these managed nodes is NON_COMPLIANT"
 *   https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_DescribePatchGroupState.html
 * - RejectedPatchesAction BLOCK: a rejected package installed anyway "is considered noncompliant
 *   with the patch baseline and its status is reported as INSTALLED_REJECTED"
 *   https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_UpdatePatchBaseline.html
 * Hence a compliant node has MissingCount + FailedCount + InstalledPendingRebootCount +
 * InstalledRejectedCount = 0, which is what `patch.compliant` checks (shared/rules/patch.ts).
 */
import { z } from 'zod';
import { type Lang, LocalizedText } from './model';

export const FigureUnit = z.enum(['instances', 'nodes', 'patches', 'cves', 'scopes']);
export type FigureUnit = z.infer<typeof FigureUnit>;

/** Which nodes a figure counts over. */
export const Population = z.enum(['ec2InstancesRead', 'managedNodes', 'reportedPatchState', 'patchDetailRead']);
export type Population = z.infer<typeof Population>;

export const POPULATION_TEXT: Record<Population, LocalizedText> = {
  ec2InstancesRead: {
    en: 'the EC2 instances of the audited accounts and regions whose instances were read',
    ja: 'インスタンスを読めた監査対象のアカウントとリージョンの EC2 インスタンス',
  },
  managedNodes: { en: 'all managed nodes of the snapshot', ja: 'スナップショットのすべてのマネージドノード' },
  reportedPatchState: { en: 'the nodes that reported a patch state', ja: 'パッチ状態を報告したノード' },
  patchDetailRead: { en: 'the nodes whose patch detail was read', ja: 'パッチの詳細を読めたノード' },
};

/** What one account × region contributes, as the store's summaries hold it. */
export interface FigureArea {
  /** 1 when the area's EC2 instances were read (issue 30), else 0: the EC2 figures are unknown without any. */
  ec2Read: number;
  /** EC2 instances in any state but terminated, managed or not; 0 when not read. */
  ec2Instances: number;
  /** Those EC2 instances that are not managed nodes. */
  unmanaged: number;
  nodes: number;
  /** Verified ready (shared/readiness). */
  ready: number;
  unverified: number;
  online: number;
  /** Nodes whose last patch operation is within the scan-age threshold (`patch.scan-age` passed). */
  scannedRecently: number;
  patchReported: number;
  compliant: number;
  missingCritical: number;
  missingSecurity: number;
  nodesMissingCritical: number;
  nodesMissingSecurity: number;
  nodesPendingReboot: number;
}

/** Open CVE ids are distinct over the snapshot, so they come counted rather than per area. */
export interface FigureCves {
  /** Nodes whose patch detail was read; without any, the CVE figures are unknown (null). */
  detailRead: number;
  open: number;
  openCritical: number;
}

export interface FigureInput {
  areas: readonly FigureArea[];
  cves: FigureCves;
}

type Totals = FigureArea & { cves: FigureCves };

interface FigureDefinition {
  unit: FigureUnit;
  population: Population;
  label: LocalizedText;
  definition: LocalizedText;
  /** The figure whose value this one is a share of, when it is shown as a percentage. */
  shareOf?: FigureId;
  value(totals: Totals): number | null;
}

export const FIGURE_IDS = [
  'ec2Instances',
  'unmanagedInstances',
  'managedNodes',
  'readyNodes',
  'notReadyNodes',
  'unverifiedNodes',
  'onlineNodes',
  'scannedRecentlyNodes',
  'reportedPatchStateNodes',
  'notReportedPatchStateNodes',
  'compliantNodes',
  'nonCompliantNodes',
  'nodesMissingCritical',
  'missingCriticalPatches',
  'nodesMissingSecurity',
  'missingSecurityPatches',
  'nodesPendingReboot',
  'openCves',
  'openCriticalCves',
] as const;
export const FigureId = z.enum(FIGURE_IDS);
export type FigureId = z.infer<typeof FigureId>;

const cvesRead = (t: Totals, n: number): number | null => (t.cves.detailRead > 0 ? n : null);
const ec2Read = (t: Totals, n: number): number | null => (t.ec2Read > 0 ? n : null);

export const FIGURES: Record<FigureId, FigureDefinition> = {
  ec2Instances: {
    unit: 'instances',
    population: 'ec2InstancesRead',
    label: { en: 'EC2 instances', ja: 'EC2 インスタンス' },
    definition: {
      en: 'EC2 instances in any state but terminated, managed or not, in the audited accounts and regions whose instances DescribeInstances returned; unknown when none were read.',
      ja: '監査したアカウントとリージョンのうち DescribeInstances でインスタンスを読めたところの、終了済みを除くすべての状態の EC2 インスタンス (マネージドかどうかを問わない)。1 つも読めなければ不明です。',
    },
    value: (t) => ec2Read(t, t.ec2Instances),
  },
  unmanagedInstances: {
    unit: 'instances',
    population: 'ec2InstancesRead',
    shareOf: 'ec2Instances',
    label: { en: 'Not managed by Systems Manager', ja: 'Systems Manager の管理外' },
    definition: {
      en: 'Those EC2 instances that are not managed nodes (stopped ones included): Patch Manager cannot patch them.',
      ja: 'EC2 インスタンスのうちマネージドノードでないもの (停止中を含む)。Patch Manager はこれらにパッチを適用できません。',
    },
    value: (t) => ec2Read(t, t.unmanaged),
  },
  managedNodes: {
    unit: 'nodes',
    population: 'managedNodes',
    label: { en: 'Managed nodes', ja: 'マネージドノード' },
    definition: {
      en: 'Nodes that Systems Manager listed as managed in the audited accounts and regions.',
      ja: '監査したアカウントとリージョンで Systems Manager がマネージドノードとして返したノード。',
    },
    value: (t) => t.nodes,
  },
  readyNodes: {
    unit: 'nodes',
    population: 'managedNodes',
    shareOf: 'managedNodes',
    label: { en: 'Ready for Patch Manager (verified)', ja: 'Patch Manager 対応済み (検証済み)' },
    definition: {
      en: 'Nodes on which every prerequisite check passes, warns or does not apply; a node with a prerequisite that could not be checked is not counted.',
      ja: 'すべての前提条件チェックが合格・警告・対象外のノード。確認できなかった前提条件があるノードは数えません。',
    },
    value: (t) => t.ready,
  },
  notReadyNodes: {
    unit: 'nodes',
    population: 'managedNodes',
    shareOf: 'managedNodes',
    label: { en: 'Not ready', ja: '未対応' },
    definition: { en: 'Nodes on which at least one prerequisite check fails.', ja: '前提条件チェックが 1 つ以上不合格のノード。' },
    value: (t) => t.nodes - t.ready - t.unverified,
  },
  unverifiedNodes: {
    unit: 'nodes',
    population: 'managedNodes',
    shareOf: 'managedNodes',
    label: { en: 'Not verified', ja: '未検証' },
    definition: {
      en: 'Nodes on which no prerequisite check fails but at least one could not be checked.',
      ja: '不合格の前提条件はないものの、1 つ以上の前提条件を確認できなかったノード。',
    },
    value: (t) => t.unverified,
  },
  onlineNodes: {
    unit: 'nodes',
    population: 'managedNodes',
    shareOf: 'managedNodes',
    label: { en: 'Online', ja: 'オンライン' },
    definition: {
      en: "Nodes whose SSM Agent's PingStatus was Online when audited.",
      ja: '監査時に SSM Agent の PingStatus が Online だったノード。',
    },
    value: (t) => t.online,
  },
  scannedRecentlyNodes: {
    unit: 'nodes',
    population: 'managedNodes',
    shareOf: 'managedNodes',
    label: { en: 'Scanned within the threshold', ja: '基準日数内にスキャン済み' },
    definition: {
      en: "Nodes whose last patch operation (scan or install) ended within the snapshot's scan-age threshold.",
      ja: '最後のパッチ操作 (スキャンまたはインストール) がスナップショットのスキャン経過日数の基準内に終わったノード。',
    },
    value: (t) => t.scannedRecently,
  },
  reportedPatchStateNodes: {
    unit: 'nodes',
    population: 'managedNodes',
    shareOf: 'managedNodes',
    label: { en: 'Reported a patch state', ja: 'パッチ状態の報告あり' },
    definition: {
      en: 'Nodes for which DescribeInstancePatchStates returned a patch state.',
      ja: 'DescribeInstancePatchStates がパッチ状態を返したノード。',
    },
    value: (t) => t.patchReported,
  },
  notReportedPatchStateNodes: {
    unit: 'nodes',
    population: 'managedNodes',
    shareOf: 'managedNodes',
    label: { en: 'Patch state not reported', ja: 'パッチ状態の報告なし' },
    definition: {
      en: 'Nodes without a patch state: never scanned, or their patch state could not be read.',
      ja: 'パッチ状態のないノード (一度もスキャンされていない、またはパッチ状態を読めなかった)。',
    },
    value: (t) => t.nodes - t.patchReported,
  },
  compliantNodes: {
    unit: 'nodes',
    population: 'reportedPatchState',
    shareOf: 'reportedPatchStateNodes',
    label: { en: 'Patch compliant', ja: 'パッチ準拠' },
    definition: {
      en: "Nodes whose patch state counts no missing, failed, installed-pending-reboot or installed-rejected patch (AWS's COMPLIANT).",
      ja: 'パッチ状態の未適用・失敗・再起動待ち・拒否済みインストールの件数がすべて 0 のノード (AWS の COMPLIANT)。',
    },
    value: (t) => t.compliant,
  },
  nonCompliantNodes: {
    unit: 'nodes',
    population: 'reportedPatchState',
    shareOf: 'reportedPatchStateNodes',
    label: { en: 'Patch non-compliant', ja: 'パッチ非準拠' },
    definition: {
      en: "Nodes whose patch state counts a missing, failed, installed-pending-reboot or installed-rejected patch (AWS's NON_COMPLIANT).",
      ja: 'パッチ状態に未適用・失敗・再起動待ち・拒否済みインストールのパッチがあるノード (AWS の NON_COMPLIANT)。',
    },
    value: (t) => t.patchReported - t.compliant,
  },
  nodesMissingCritical: {
    unit: 'nodes',
    population: 'reportedPatchState',
    shareOf: 'reportedPatchStateNodes',
    label: { en: 'Nodes missing critical patches', ja: '重要パッチが未適用のノード' },
    definition: {
      en: 'Nodes whose CriticalNonCompliantCount is above 0 (it includes patches installed but awaiting a reboot).',
      ja: 'CriticalNonCompliantCount が 1 以上のノード (再起動待ちのパッチを含みます)。',
    },
    value: (t) => t.nodesMissingCritical,
  },
  missingCriticalPatches: {
    unit: 'patches',
    population: 'reportedPatchState',
    label: { en: 'Critical patches not installed', ja: '未適用の重要パッチ' },
    definition: {
      en: 'The sum of CriticalNonCompliantCount over the nodes: a patch missing on three nodes counts three times.',
      ja: 'ノードごとの CriticalNonCompliantCount の合計。3 台で未適用のパッチは 3 件と数えます。',
    },
    value: (t) => t.missingCritical,
  },
  nodesMissingSecurity: {
    unit: 'nodes',
    population: 'reportedPatchState',
    shareOf: 'reportedPatchStateNodes',
    label: { en: 'Nodes missing security patches', ja: 'セキュリティパッチが未適用のノード' },
    definition: { en: 'Nodes whose SecurityNonCompliantCount is above 0.', ja: 'SecurityNonCompliantCount が 1 以上のノード。' },
    value: (t) => t.nodesMissingSecurity,
  },
  missingSecurityPatches: {
    unit: 'patches',
    population: 'reportedPatchState',
    label: { en: 'Security patches not installed', ja: '未適用のセキュリティパッチ' },
    definition: {
      en: 'The sum of SecurityNonCompliantCount over the nodes: a patch missing on three nodes counts three times.',
      ja: 'ノードごとの SecurityNonCompliantCount の合計。3 台で未適用のパッチは 3 件と数えます。',
    },
    value: (t) => t.missingSecurity,
  },
  nodesPendingReboot: {
    unit: 'nodes',
    population: 'reportedPatchState',
    shareOf: 'reportedPatchStateNodes',
    label: { en: 'Nodes pending reboot', ja: '再起動待ちのノード' },
    definition: {
      en: 'Nodes whose InstalledPendingRebootCount is above 0: patches installed, waiting for a reboot.',
      ja: 'InstalledPendingRebootCount が 1 以上のノード (インストール済みで再起動待ちのパッチがある)。',
    },
    value: (t) => t.nodesPendingReboot,
  },
  openCves: {
    unit: 'cves',
    population: 'patchDetailRead',
    label: { en: 'Open CVEs', ja: '未対応の CVE' },
    definition: {
      en: 'Distinct CVE ids named by a missing or failed patch; unknown when no node’s patch detail was read.',
      ja: '未適用または失敗したパッチが参照する CVE ID の種類数。パッチの詳細を読めたノードがなければ不明です。',
    },
    value: (t) => cvesRead(t, t.cves.open),
  },
  openCriticalCves: {
    unit: 'cves',
    population: 'patchDetailRead',
    label: { en: 'Open CVEs of critical patches', ja: '重要パッチの未対応 CVE' },
    definition: {
      en: 'Those open CVE ids that a patch of Critical severity names.',
      ja: '未対応の CVE ID のうち、重要度 Critical のパッチが参照するもの。',
    },
    value: (t) => cvesRead(t, t.cves.openCritical),
  },
};

/** One figure as every surface shows it (the `figures:get` answer, `patch-audit figures --json`). */
export const FigureValue = z.object({
  id: FigureId,
  /** Null only when it cannot be known (CVEs without any patch detail). */
  value: z.number().int().nonnegative().nullable(),
  unit: FigureUnit,
  population: Population,
  label: LocalizedText,
  definition: LocalizedText,
});
export type FigureValue = z.infer<typeof FigureValue>;

/** A snapshot's figures, with the catalog edition its readiness was judged under. */
export const SnapshotFigures = z.object({ snapshot: z.number().int(), edition: z.string(), figures: z.array(FigureValue) });
export type SnapshotFigures = z.infer<typeof SnapshotFigures>;

export type FigureValues = Record<FigureId, number | null>;

const ZERO: FigureArea = {
  ec2Read: 0,
  ec2Instances: 0,
  unmanaged: 0,
  nodes: 0,
  ready: 0,
  unverified: 0,
  online: 0,
  scannedRecently: 0,
  patchReported: 0,
  compliant: 0,
  missingCritical: 0,
  missingSecurity: 0,
  nodesMissingCritical: 0,
  nodesMissingSecurity: 0,
  nodesPendingReboot: 0,
};

function totalsOf({ areas, cves }: FigureInput): Totals {
  const sum = { ...ZERO };
  const keys = Object.keys(ZERO) as Array<keyof FigureArea>;
  for (const area of areas) for (const key of keys) sum[key] += area[key];
  return { ...sum, cves };
}

/** Every headline figure, in FIGURE_IDS order. */
export function computeFigures(input: FigureInput): FigureValue[] {
  const totals = totalsOf(input);
  return FIGURE_IDS.map((id) => {
    const { unit, population, label, definition, value } = FIGURES[id];
    return { id, value: value(totals), unit, population, label, definition };
  });
}

/** The figures by id, for a surface that places them one by one. */
export function figureValues(input: FigureInput | readonly FigureValue[]): FigureValues {
  const list = 'areas' in input ? computeFigures(input) : input;
  return Object.fromEntries(list.map((f) => [f.id, f.value])) as FigureValues;
}

/** The figure as a share of its population figure, in percent; null without a population. */
export function figureShare(values: FigureValues, id: FigureId): number | null {
  const of = FIGURES[id].shareOf;
  if (!of) return null;
  const part = values[id];
  const whole = values[of];
  return part === null || whole === null || whole === 0 ? null : (part / whole) * 100;
}

const UNIT_WORDS: Record<FigureUnit, { en: [string, string]; ja: string }> = {
  instances: { en: ['instance', 'instances'], ja: '台' },
  nodes: { en: ['node', 'nodes'], ja: '台' },
  patches: { en: ['patch', 'patches'], ja: '件のパッチ' },
  cves: { en: ['CVE', 'CVEs'], ja: '件の CVE' },
  scopes: { en: ['scope', 'scopes'], ja: 'スコープ' },
};

/** "164 nodes", "330 patches", "164 台": a figure never goes without its unit. */
export function withUnit(count: string, n: number, unit: FigureUnit, lang: Lang): string {
  const words = UNIT_WORDS[unit];
  if (lang === 'ja') return `${count} ${words.ja}`;
  return `${count} ${n === 1 ? words.en[0] : words.en[1]}`;
}

/** "46.8 % of the nodes that reported a patch state": a percentage always names its population. */
export function shareText(percent: string, population: Population, lang: Lang): string {
  const of = POPULATION_TEXT[population][lang];
  return lang === 'ja' ? `${of}の ${percent}` : `${percent} of ${of}`;
}
