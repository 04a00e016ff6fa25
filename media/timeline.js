// Incident timeline webview: a virtualized list (fixed row height, only visible rows in the DOM)
// so 10,000 entries scroll smoothly; filters by kind, "only failures" and text.
(function () {
  const vscode = acquireVsCodeApi();
  const ROW = 28;
  const OVERSCAN = 12;
  const KINDS = [
    ['command', 'terminal', 'Runs'],
    ['query', 'graph-line', 'Queries'],
    ['note', 'note', 'Notes'],
    ['status', 'pulse', 'Status'],
    ['milestone', 'milestone', 'Milestones'],
    ['notification', 'megaphone', 'Messages'],
  ];
  const saved = vscode.getState() || {};
  const state = {
    rows: [],
    view: [],
    pinned: new Set(),
    incident: null,
    kinds: new Set(saved.kinds || KINDS.map((k) => k[0])),
    onlyFailures: !!saved.onlyFailures,
    text: saved.text || '',
    selected: saved.selected || null,
  };

  const app = document.getElementById('app');
  app.innerHTML = `
    <header class="head">
      <div class="title"><span class="codicon codicon-flame"></span><span id="title">No incident open</span><span id="meta" class="meta"></span></div>
      <div class="toolbar" role="toolbar">
        <div class="chips" id="chips"></div>
        <label class="check"><input type="checkbox" id="failures"> <span class="codicon codicon-error"></span> Only failures</label>
        <input type="search" id="search" placeholder="Filter text" aria-label="Filter text">
        <span class="count" id="count"></span>
      </div>
    </header>
    <main class="list" id="list" tabindex="0" role="listbox" aria-label="Timeline entries"><div class="spacer" id="spacer"></div></main>
    <section class="details" id="details" hidden></section>`;

  const list = document.getElementById('list');
  const spacer = document.getElementById('spacer');
  const details = document.getElementById('details');
  const chips = document.getElementById('chips');
  const failures = document.getElementById('failures');
  const search = document.getElementById('search');
  failures.checked = state.onlyFailures;
  search.value = state.text;

  for (const [kind, icon, label] of KINDS) {
    const b = document.createElement('button');
    b.className = 'chip';
    b.dataset.kind = kind;
    b.title = `Show ${label.toLowerCase()}`;
    b.innerHTML = `<span class="codicon codicon-${icon}"></span> ${label} <span class="n"></span>`;
    b.addEventListener('click', () => {
      if (state.kinds.has(kind)) state.kinds.delete(kind);
      else state.kinds.add(kind);
      applyFilters();
    });
    chips.appendChild(b);
  }
  failures.addEventListener('change', () => { state.onlyFailures = failures.checked; applyFilters(); });
  search.addEventListener('input', () => { state.text = search.value; applyFilters(); });

  const pad = (n) => String(n).padStart(2, '0');
  function when(t) {
    const d = new Date(t);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  }
  function dur(ms) {
    if (ms === undefined || ms === null) return '';
    if (ms < 1000) return `${ms} ms`;
    if (ms < 60000) return `${(ms / 1000).toFixed(ms < 10000 ? 1 : 0)} s`;
    const m = Math.floor(ms / 60000);
    return m < 60 ? `${m} min ${Math.round((ms % 60000) / 1000)} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
  }
  function esc(s) {
    return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  }

  function save() {
    vscode.setState({ kinds: [...state.kinds], onlyFailures: state.onlyFailures, text: state.text, selected: state.selected });
  }

  function applyFilters() {
    const text = state.text.trim().toLowerCase();
    state.view = state.rows.filter((r) =>
      state.kinds.has(r.kind) && (!state.onlyFailures || r.failed) && (!text || r.summary.toLowerCase().includes(text) || (r.actor || '').toLowerCase().includes(text)));
    const counts = {};
    for (const r of state.rows) counts[r.kind] = (counts[r.kind] || 0) + 1;
    for (const b of chips.children) {
      b.classList.toggle('on', state.kinds.has(b.dataset.kind));
      b.setAttribute('aria-pressed', String(state.kinds.has(b.dataset.kind)));
      b.querySelector('.n').textContent = counts[b.dataset.kind] || 0;
    }
    document.getElementById('count').textContent = `${state.view.length} of ${state.rows.length}`;
    spacer.style.height = `${state.view.length * ROW}px`;
    save();
    render(true);
  }

  let lastRange = '';
  function render(force) {
    const top = list.scrollTop;
    const height = list.clientHeight || 600;
    const first = Math.max(0, Math.floor(top / ROW) - OVERSCAN);
    const last = Math.min(state.view.length, Math.ceil((top + height) / ROW) + OVERSCAN);
    const key = `${first}:${last}`;
    if (!force && key === lastRange) return;
    lastRange = key;
    const html = [];
    for (let i = first; i < last; i++) {
      const r = state.view[i];
      const pinned = state.pinned.has(r.id);
      const cls = ['row', r.failed ? 'failed' : '', r.id === state.selected ? 'selected' : '', `k-${r.kind}`].join(' ');
      html.push(`<div class="${cls}" role="option" data-id="${esc(r.id)}" data-i="${i}" title="${esc(r.summary)}">` +
        `<span class="time"><span class="date">${when(r.t).slice(0, 10)} </span>${when(r.t).slice(11)}</span>` +
        `<span class="codicon codicon-${r.icon} icon"></span>` +
        `<span class="summary">${esc(r.summary)}</span>` +
        (pinned ? '<span class="codicon codicon-pinned pin" title="Pinned: featured in the post-mortem"></span>' : '') +
        (r.result ? `<span class="badge ${r.failed ? 'bad' : 'good'}">${esc(r.result)}</span>` : '') +
        `<span class="dur">${dur(r.durationMs)}</span>` +
        `<span class="actor">${esc(r.actor || '')}</span>` +
        `</div>`);
    }
    spacer.innerHTML = html.join('');
    // Positions go through CSSOM: the CSP forbids inline style attributes.
    for (const el of spacer.children) el.style.top = `${Number(el.dataset.i) * ROW}px`;
  }
  list.addEventListener('scroll', () => window.requestAnimationFrame(() => render(false)));
  window.addEventListener('resize', () => render(true));

  function select(id, open) {
    state.selected = id;
    save();
    render(true);
    vscode.postMessage({ type: 'select', id });
    const row = state.rows.find((r) => r.id === id);
    if (open && row && row.canOpen) vscode.postMessage({ type: 'open', id });
  }
  spacer.addEventListener('click', (ev) => {
    const row = ev.target.closest('.row');
    if (row) select(row.dataset.id, true);
  });
  list.addEventListener('keydown', (ev) => {
    if (!state.view.length) return;
    let i = state.view.findIndex((r) => r.id === state.selected);
    if (ev.key === 'ArrowDown') i = Math.min(state.view.length - 1, i + 1);
    else if (ev.key === 'ArrowUp') i = Math.max(0, i - 1);
    else if (ev.key === 'Home') i = 0;
    else if (ev.key === 'End') i = state.view.length - 1;
    else if (ev.key === 'Enter' && i >= 0) { vscode.postMessage({ type: 'open', id: state.view[i].id }); return; }
    else return;
    ev.preventDefault();
    const top = i * ROW;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (top + ROW > list.scrollTop + list.clientHeight) list.scrollTop = top + ROW - list.clientHeight;
    select(state.view[i].id, false);
  });

  function showDetails(e) {
    details.hidden = false;
    const pinned = state.pinned.has(e.id);
    const rows = [];
    const add = (k, v) => { if (v !== undefined && v !== null && v !== '') rows.push(`<dt>${k}</dt><dd>${v}</dd>`); };
    add('Time', `${esc(when(Date.parse(e.time)))} UTC${e.recordedAt && e.recordedAt !== e.time ? ` (recorded ${esc(when(Date.parse(e.recordedAt)))})` : ''}`);
    add('Kind', esc(e.kind));
    add('By', esc(e.actor || ''));
    if (e.runbook) add('Runbook', `${esc(e.runbook)}${e.line ? `:${e.line}` : ''}${e.block ? ` (block ${e.block})` : ''}`);
    if (e.section && e.section.length) add('Section', esc(e.section.join(' › ')));
    if (e.target) add('Target', `${esc(e.target.context)} / ${esc(e.target.namespace)}`);
    if (e.kind === 'command' || e.kind === 'query') add('Result', `${e.exitCode === null ? `killed${e.signal ? ` by ${esc(e.signal)}` : ''}` : `exit ${esc(e.exitCode)}`} · ${dur(e.durationMs)}${e.truncated ? ' · output truncated' : ''}`);
    if (e.confirmation && e.confirmation.method !== 'none') add('Confirmed', esc(`${e.confirmation.method}${e.confirmation.by ? ` by ${e.confirmation.by}` : ''}`));
    details.innerHTML = `
      <div class="dhead">
        <span class="codicon codicon-${esc(state.rows.find((r) => r.id === e.id)?.icon || 'circle-small')}"></span>
        <strong>${esc(state.rows.find((r) => r.id === e.id)?.summary || e.id)}</strong>
        <span class="grow"></span>
        ${e.runbook || e.outputFile ? '<button id="open" title="Jump to the runbook line and open the full output"><span class="codicon codicon-go-to-file"></span> Open</button>' : ''}
        <button id="pin" title="${pinned ? 'Stop featuring it in the post-mortem' : 'Feature it in the post-mortem'}"><span class="codicon codicon-${pinned ? 'pinned' : 'pin'}"></span> ${pinned ? 'Unpin' : 'Pin'}</button>
        <button id="close" title="Close details" class="icon"><span class="codicon codicon-close"></span></button>
      </div>
      <dl>${rows.join('')}</dl>
      ${e.command ? `<pre class="cmd">${esc(e.command)}</pre>` : ''}
      ${e.text && e.kind !== 'command' ? `<pre class="text">${esc(e.text)}</pre>` : ''}
      ${e.output ? `<pre class="out">${esc(e.output)}</pre>` : ''}`;
    const open = document.getElementById('open');
    if (open) open.addEventListener('click', () => vscode.postMessage({ type: 'open', id: e.id }));
    document.getElementById('pin').addEventListener('click', () => vscode.postMessage({ type: 'pin', id: e.id, unpin: pinned }));
    document.getElementById('close').addEventListener('click', () => { details.hidden = true; state.selected = null; save(); render(true); });
  }

  window.addEventListener('message', (ev) => {
    const m = ev.data;
    if (m.type === 'load') {
      const atEnd = list.scrollTop + list.clientHeight >= list.scrollHeight - ROW;
      state.incident = m.incident;
      state.rows = m.rows;
      state.pinned = new Set(m.pinned);
      const i = m.incident;
      document.getElementById('title').textContent = i ? i.title : 'No incident open';
      document.getElementById('meta').innerHTML = i
        ? `<span class="sev sev-${esc(i.severity)}">${esc(i.severity)}</span><span class="status">${esc(i.status)}</span>${i.commander ? `<span class="codicon codicon-person"></span>${esc(i.commander)}` : ''}`
        : '';
      applyFilters();
      // Follow new entries when the list was scrolled to the bottom.
      if (atEnd) list.scrollTop = list.scrollHeight;
      if (state.selected && state.rows.some((r) => r.id === state.selected)) vscode.postMessage({ type: 'select', id: state.selected });
      else {
        // Another incident (or the entry is gone): no stale details.
        state.selected = null;
        details.hidden = true;
        save();
      }
    } else if (m.type === 'details') {
      showDetails(m.entry);
    }
  });
  vscode.postMessage({ type: 'ready' });
})();
