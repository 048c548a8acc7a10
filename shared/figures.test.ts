import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIGURE_IDS, FIGURES, computeFigures, figureShare, figureValues, shareText, withUnit, type FigureArea } from './figures';

/** An area whose counts are consistent, as the store writes them: parts never exceed their whole. */
const area = fc
  .record({
    nodes: fc.nat(500),
    ready: fc.nat(),
    unverified: fc.nat(),
    online: fc.nat(),
    patchReported: fc.nat(),
    compliant: fc.nat(),
    nodesMissingCritical: fc.nat(),
    nodesMissingSecurity: fc.nat(),
    nodesPendingReboot: fc.nat(),
    perNodeCritical: fc.nat(20),
    perNodeSecurity: fc.nat(20),
    ec2Read: fc.boolean(),
    unmanaged: fc.nat(300),
    managedEc2: fc.nat(),
    scannedRecently: fc.nat(),
  })
  .map((r): FigureArea => {
    const within = (n: number, whole: number): number => (whole === 0 ? 0 : n % (whole + 1));
    const ready = within(r.ready, r.nodes);
    const reported = within(r.patchReported, r.nodes);
    const nodesMissingCritical = within(r.nodesMissingCritical, reported);
    const nodesMissingSecurity = within(r.nodesMissingSecurity, reported);
    return {
      ec2Read: r.ec2Read ? 1 : 0,
      ec2Instances: r.ec2Read ? r.unmanaged + within(r.managedEc2, r.nodes) : 0,
      unmanaged: r.ec2Read ? r.unmanaged : 0,
      scannedRecently: within(r.scannedRecently, reported),
      nodes: r.nodes,
      ready,
      unverified: within(r.unverified, r.nodes - ready),
      online: within(r.online, r.nodes),
      patchReported: reported,
      compliant: within(r.compliant, reported - Math.max(nodesMissingCritical, nodesMissingSecurity)),
      nodesMissingCritical,
      nodesMissingSecurity,
      missingCritical: nodesMissingCritical * (r.perNodeCritical + 1),
      missingSecurity: nodesMissingSecurity * (r.perNodeSecurity + 1),
      nodesPendingReboot: within(r.nodesPendingReboot, reported),
    };
  });
const noCves = { detailRead: 0, open: 0, openCritical: 0 };

describe('headline figures', () => {
  it('define every id once, with a unit, a population and a definition in both languages', () => {
    for (const id of FIGURE_IDS) {
      const f = FIGURES[id];
      expect(f.label.en && f.label.ja && f.definition.en && f.definition.ja).toBeTruthy();
      expect(f.definition.en).toMatch(/\.$/);
      expect(f.definition.ja).toMatch(/。$/);
    }
    expect(computeFigures({ areas: [], cves: noCves }).map((f) => f.id)).toEqual([...FIGURE_IDS]);
  });

  it('split the managed nodes into verified ready, not ready and not verified, and the reporting ones into compliant and not', () => {
    fc.assert(
      fc.property(fc.array(area, { maxLength: 8 }), (areas) => {
        const v = figureValues({ areas, cves: noCves });
        expect(v.readyNodes! + v.notReadyNodes! + v.unverifiedNodes!).toBe(v.managedNodes);
        expect(v.notReadyNodes).toBeGreaterThanOrEqual(0);
        expect(v.reportedPatchStateNodes! + v.notReportedPatchStateNodes!).toBe(v.managedNodes);
        expect(v.compliantNodes! + v.nonCompliantNodes!).toBe(v.reportedPatchStateNodes);
        // Patches and nodes are different units: at least one patch per node that misses one.
        expect(v.missingCriticalPatches).toBeGreaterThanOrEqual(v.nodesMissingCritical!);
      }),
    );
  });

  it('add up over areas: the figures of all areas are the sums of each area’s', () => {
    fc.assert(
      fc.property(fc.array(area, { minLength: 1, maxLength: 6 }), (areas) => {
        const whole = figureValues({ areas, cves: noCves });
        const parts = areas.map((a) => figureValues({ areas: [a], cves: noCves }));
        for (const id of FIGURE_IDS.filter((id) => FIGURES[id].unit !== 'cves')) {
          const known = parts.filter((p) => p[id] !== null);
          // An area whose EC2 instances were not read adds nothing, and without any the figure is unknown.
          expect(whole[id]).toBe(known.length ? known.reduce((n, p) => n + p[id]!, 0) : null);
        }
      }),
    );
  });

  it('give compliance as a share of the nodes that reported a patch state, readiness of the managed nodes', () => {
    const v = figureValues({
      areas: [
        {
          ec2Read: 1,
          ec2Instances: 12,
          unmanaged: 3,
          scannedRecently: 7,
          nodes: 10,
          ready: 4,
          unverified: 3,
          online: 9,
          patchReported: 8,
          compliant: 6,
          missingCritical: 5,
          missingSecurity: 2,
          nodesMissingCritical: 2,
          nodesMissingSecurity: 1,
          nodesPendingReboot: 1,
        },
      ],
      cves: noCves,
    });
    expect(figureShare(v, 'compliantNodes')).toBe(75);
    expect(figureShare(v, 'readyNodes')).toBe(40);
    expect(figureShare(v, 'notReportedPatchStateNodes')).toBe(20);
    expect(figureShare(v, 'missingCriticalPatches')).toBeNull();
    expect(v.notReadyNodes).toBe(3);
    expect(shareText('75.0 %', FIGURES.compliantNodes.population, 'en')).toBe('75.0 % of the nodes that reported a patch state');
    expect(shareText('75.0 %', FIGURES.compliantNodes.population, 'ja')).toBe('パッチ状態を報告したノードの 75.0 %');
  });

  it('leave CVEs unknown, never 0, when no node’s patch detail was read', () => {
    expect(figureValues({ areas: [], cves: noCves }).openCves).toBeNull();
    expect(figureValues({ areas: [], cves: { detailRead: 3, open: 0, openCritical: 0 } }).openCves).toBe(0);
  });

  it('always say their unit', () => {
    expect(withUnit('164', 164, 'nodes', 'en')).toBe('164 nodes');
    expect(withUnit('1', 1, 'nodes', 'en')).toBe('1 node');
    expect(withUnit('330', 330, 'patches', 'en')).toBe('330 patches');
    expect(withUnit('330', 330, 'patches', 'ja')).toBe('330 件のパッチ');
  });
});
