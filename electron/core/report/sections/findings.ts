import { messageFor, remediationFor, ruleTitle } from '../../../../shared/messages';
import { statusWord } from '../../../../shared/statuses';
import { html, type RawHtml } from '../html';
import { nodeName, num, type Ctx, type SectionModule } from './render';
import { table } from './table';

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
