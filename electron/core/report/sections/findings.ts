/** Top findings: the most common failures and warnings with their remediation. */
import { messageFor, remediationFor, ruleTitle } from '../../../../shared/messages';
import { statusWord } from '../../../../shared/statuses';
import { html, type RawHtml } from '../html';
import { nodeName, num, type Ctx, type SectionModule } from './render';
import { table } from './table';
import type { RuleId } from '../../../../shared/model';
import { findingRef, type FindingRef, type ModelInput, type NodeCollector } from './model';

function render(ctx: Ctx): RawHtml {
  const { m, t, lang } = ctx;
  if (!m.topFindings.length)
    return html`<section class="page" id="findings">
      <h2>${t('secFindings')}</h2>
      <p>${t('noFindings')}</p>
    </section>`;
  const columns = [
    { head: '#', style: 'width:3%' },
    { head: t('rule'), style: 'width:19%' },
    { head: t('affected'), class: 'num', style: 'width:7%' },
    { head: `${t('finding')} (${t('example')})`, style: 'width:35%' },
    { head: t('remediation') },
  ];
  const rows = m.topFindings.map((f, i) => {
    const check = { code: f.example.code, params: f.example.params };
    return html`<tr>
      <td class="num">${i + 1}</td>
      <td>
        ${ruleTitle(f.rule, lang)}<br /><span class="status-${f.status} small">${statusWord(f.status, lang)}</span>
        <span class="mono muted small">${f.rule}</span>
      </td>
      ${num(ctx, f.nodes)}
      <td>
        ${messageFor(check, lang)}<br /><span class="muted small"
          >${t('example')}: ${nodeName(f.example)} (${f.example.accountId} ${f.example.region})</span
        >
      </td>
      <td>${remediationFor(check, lang) ?? '—'}</td>
    </tr>`;
  });
  return html`<section class="page" id="findings">
    <h2>${t('secFindings')}</h2>
    ${table(columns, rows)}
  </section>`;
}

export const findings: SectionModule = { render };

// The model part: checks that fail or warn, grouped by rule, code and status, most nodes first.

const TOP_FINDINGS = 12;

export interface TopFinding {
  rule: RuleId;
  code: string;
  status: 'fail' | 'warn';
  nodes: number;
  example: FindingRef;
}

export function findingGroups(lang: ModelInput['lang']): NodeCollector<TopFinding[]> {
  const groups = new Map<string, TopFinding>();
  const severity = (f: TopFinding): number => (f.status === 'fail' ? 0 : 1);
  return {
    visit({ row, checks }) {
      for (const check of checks) {
        if (check.status !== 'fail' && check.status !== 'warn') continue;
        const key = `${check.rule}\u0000${check.code}\u0000${check.status}`;
        const group = groups.get(key);
        if (group) group.nodes += 1;
        else groups.set(key, { rule: check.rule, code: check.code, status: check.status, nodes: 1, example: findingRef(row, check, lang) });
      }
    },
    result: () =>
      [...groups.values()]
        .sort((a, b) => severity(a) - severity(b) || b.nodes - a.nodes || a.code.localeCompare(b.code))
        .slice(0, TOP_FINDINGS),
  };
}
