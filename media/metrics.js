/* global Chart */
// Incident metrics webview: KPI tiles, chart.js charts in the theme's chart colours, a table.
(function () {
  const vscode = acquireVsCodeApi();
  const SEVS = ['P0', 'P1', 'P2', 'P3'];
  const DURS = [['detect', 'Time to detect'], ['acknowledge', 'Time to acknowledge'], ['mitigate', 'Time to mitigate'], ['resolve', 'Time to resolve']];
  const css = (name, fallback) => window.getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
  const colors = () => ({
    P0: css('--vscode-charts-red', '#f14c4c'),
    P1: css('--vscode-charts-orange', '#d18616'),
    P2: css('--vscode-charts-blue', '#3794ff'),
    P3: css('--vscode-charts-green', '#89d185'),
    fg: css('--vscode-foreground', '#ccc'),
    muted: css('--vscode-descriptionForeground', '#999'),
    grid: css('--vscode-charts-lines', 'rgba(128,128,128,0.25)'),
    purple: css('--vscode-charts-purple', '#b180d7'),
  });
  let metric = 'resolve';
  let report = null;
  const charts = {};

  const app = document.getElementById('app');
  app.innerHTML = `
    <header class="head">
      <h1><span class="codicon codicon-graph"></span> Incident metrics</h1>
      <span class="root" id="root"></span>
      <span class="grow"></span>
      <button id="refresh" title="Read the incident folders again"><span class="codicon codicon-refresh"></span> Refresh</button>
    </header>
    <div id="problems" class="problems" hidden></div>
    <section class="tiles" id="tiles"></section>
    <section class="grid">
      <figure class="card wide"><figcaption>Incidents by month</figcaption><div class="canvas"><canvas id="byMonth"></canvas></div></figure>
      <figure class="card"><figcaption>By severity</figcaption><div class="canvas"><canvas id="bySeverity"></canvas></div></figure>
      <figure class="card wide">
        <figcaption>Response times by severity <span class="seg" id="seg"></span></figcaption>
        <div class="canvas"><canvas id="durations"></canvas></div>
        <p class="hint">Bars: median. Diamonds: mean. Detect, mitigate and resolve count from the start of impact; acknowledge from detection.</p>
      </figure>
      <figure class="card"><figcaption>Repeat rate (same failing runbook block within <span id="window">30</span> days)</figcaption><div class="canvas"><canvas id="repeat"></canvas></div><ul id="repeats" class="repeats"></ul></figure>
      <figure class="card full"><figcaption>Time to resolve per incident</figcaption><div class="canvas tall"><canvas id="scatter"></canvas></div><p class="hint">One point per resolved incident, by start date. Diamonds: repeats of a failing runbook block.</p></figure>
    </section>
    <section class="card full">
      <h2>Incidents</h2>
      <table id="table"><thead><tr><th>Started (UTC)</th><th>Sev</th><th>Title</th><th>Status</th><th>Detect</th><th>Ack</th><th>Mitigate</th><th>Resolve</th><th>Repeat</th></tr></thead><tbody></tbody></table>
    </section>
    <p class="empty" id="empty" hidden>No incident folders found. Start an incident, or point <code>runbookLens.incidentsDir</code> at the folder that holds them.</p>`;

  document.getElementById('refresh').addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
  const seg = document.getElementById('seg');
  for (const [key, label] of DURS) {
    const b = document.createElement('button');
    b.textContent = label.replace('Time to ', '');
    b.dataset.key = key;
    b.addEventListener('click', () => { metric = key; drawDurations(); });
    seg.appendChild(b);
  }

  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  function fmt(ms) {
    if (ms === null || ms === undefined) return '—';
    const min = Math.floor(ms / 60000);
    if (min < 1) return `${Math.round(ms / 1000)} s`;
    if (min < 60) return `${min} min`;
    const h = Math.floor(min / 60);
    if (h < 24) return `${h} h ${String(min % 60).padStart(2, '0')} min`;
    return `${Math.floor(h / 24)} d ${h % 24} h`;
  }
  const minutes = (ms) => (ms === null || ms === undefined ? null : Math.round((ms / 60000) * 10) / 10);

  /** A log axis in minutes, labelled at 1, 2 and 5 × 10^n as durations. */
  function logMinutes(axis, c) {
    axis.type = 'logarithmic';
    axis.beginAtZero = false;
    axis.title = { display: true, text: 'log scale', color: c.muted };
    axis.ticks.callback = (v) => {
      const m = v / 10 ** Math.floor(Math.log10(v));
      return [1, 2, 5].some((k) => Math.abs(m - k) < 1e-9) ? fmt(v * 60000) : '';
    };
  }

  function baseOptions(c) {
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: { duration: 250 },
      color: c.fg,
      plugins: { legend: { labels: { color: c.fg, usePointStyle: true, boxWidth: 8 } }, tooltip: { intersect: false } },
      scales: {
        x: { ticks: { color: c.muted }, grid: { color: c.grid } },
        y: { ticks: { color: c.muted }, grid: { color: c.grid }, beginAtZero: true },
      },
    };
  }

  function put(id, config) {
    if (charts[id]) charts[id].destroy();
    charts[id] = new Chart(document.getElementById(id), config);
  }

  function tiles(r) {
    const o = r.overall;
    const rate = r.repeat.rate === null ? '—' : `${Math.round(r.repeat.rate * 1000) / 10} %`;
    const tile = (label, value, sub, icon) => `<div class="tile"><span class="codicon codicon-${icon}"></span><div><div class="value">${value}</div><div class="label">${label}</div><div class="sub">${sub}</div></div></div>`;
    document.getElementById('tiles').innerHTML = [
      tile('Incidents', o.count, SEVS.map((s) => `${s} ${r.bySeverity[s].count}`).join(' · '), 'flame'),
      tile('MTTD', fmt(o.detect.meanMs), `median ${fmt(o.detect.medianMs)} · n=${o.detect.n}`, 'eye'),
      tile('MTTA', fmt(o.acknowledge.meanMs), `median ${fmt(o.acknowledge.medianMs)} · n=${o.acknowledge.n}`, 'bell'),
      tile('MTTM', fmt(o.mitigate.meanMs), `median ${fmt(o.mitigate.medianMs)} · n=${o.mitigate.n}`, 'shield'),
      tile('MTTR', fmt(o.resolve.meanMs), `median ${fmt(o.resolve.medianMs)} · n=${o.resolve.n}`, 'pass'),
      tile('Repeat rate', rate, `${r.repeat.repeats} of ${r.repeat.total} incidents`, 'history'),
    ].join('');
  }

  function drawMonths(r, c) {
    const months = Object.keys(r.byMonth).sort();
    const opts = baseOptions(c);
    opts.scales.x.stacked = true;
    opts.scales.y.stacked = true;
    opts.scales.y.ticks.precision = 0;
    put('byMonth', {
      type: 'bar',
      data: { labels: months, datasets: SEVS.map((s) => ({ label: s, data: months.map((m) => r.byMonth[m][s]), backgroundColor: c[s], borderRadius: 3, maxBarThickness: 48 })) },
      options: opts,
    });
  }

  function drawSeverity(r, c) {
    put('bySeverity', {
      type: 'doughnut',
      data: { labels: SEVS, datasets: [{ data: SEVS.map((s) => r.bySeverity[s].count), backgroundColor: SEVS.map((s) => c[s]), borderWidth: 0 }] },
      options: { responsive: true, maintainAspectRatio: false, cutout: '62%', plugins: { legend: { position: 'right', labels: { color: c.fg, usePointStyle: true, boxWidth: 8 } } } },
    });
  }

  function drawDurations() {
    if (!report) return;
    const c = colors();
    for (const b of seg.children) b.classList.toggle('on', b.dataset.key === metric);
    const opts = baseOptions(c);
    logMinutes(opts.scales.y, c);
    opts.plugins.tooltip.callbacks = { label: (ctx) => `${ctx.dataset.label}: ${fmt(ctx.raw === null ? null : ctx.raw * 60000)}` };
    put('durations', {
      type: 'bar',
      data: {
        labels: SEVS,
        datasets: [
          { label: 'Median', data: SEVS.map((s) => minutes(report.bySeverity[s][metric].medianMs)), backgroundColor: SEVS.map((s) => c[s]), borderRadius: 3, maxBarThickness: 56, order: 2 },
          { label: 'Mean', type: 'line', data: SEVS.map((s) => minutes(report.bySeverity[s][metric].meanMs)), showLine: false, pointStyle: 'rectRot', pointRadius: 7, pointHoverRadius: 9, backgroundColor: c.fg, borderColor: c.fg, order: 1 },
        ],
      },
      options: opts,
    });
  }

  function drawRepeat(r, c) {
    const rep = r.repeat.repeats;
    const rest = r.repeat.total - rep;
    document.getElementById('window').textContent = r.repeat.windowDays;
    put('repeat', {
      type: 'doughnut',
      data: { labels: ['Repeats', 'First occurrences'], datasets: [{ data: [rep, rest], backgroundColor: [c.purple, c.grid], borderWidth: 0 }] },
      options: { responsive: true, maintainAspectRatio: false, cutout: '70%', plugins: { legend: { position: 'right', labels: { color: c.fg, usePointStyle: true, boxWidth: 8 } } } },
    });
    document.getElementById('repeats').innerHTML = r.repeat.blocks.length
      ? r.repeat.blocks.map((b) => `<li><span class="codicon codicon-debug-restart"></span><code>${esc(b.block)}</code> <span class="muted">failed in ${b.incidents.length} incidents</span></li>`).join('')
      : '<li class="muted">No runbook block failed again within the window.</li>';
  }

  function drawScatter(r, c) {
    const pts = (s) => r.incidents.filter((i) => i.severity === s && i.durationsMs.resolve !== null)
      .map((i) => ({ x: Date.parse(i.started), y: minutes(i.durationsMs.resolve), title: i.title, repeat: i.repeatOf.length > 0 }));
    const opts = baseOptions(c);
    opts.scales.x.type = 'linear';
    opts.scales.x.ticks.callback = (v) => new Date(v).toISOString().slice(0, 10);
    opts.scales.x.ticks.maxTicksLimit = 8;
    logMinutes(opts.scales.y, c);
    opts.plugins.tooltip = { callbacks: { label: (ctx) => `${ctx.raw.title}: ${fmt(ctx.raw.y * 60000)}${ctx.raw.repeat ? ' (repeat)' : ''}` } };
    put('scatter', {
      type: 'scatter',
      data: {
        datasets: SEVS.map((s) => ({
          label: s,
          data: pts(s),
          backgroundColor: c[s],
          borderColor: c[s],
          pointRadius: (ctx) => (ctx.raw && ctx.raw.repeat ? 8 : 6),
          pointStyle: (ctx) => (ctx.raw && ctx.raw.repeat ? 'rectRot' : 'circle'),
          pointHoverRadius: 9,
        })),
      },
      options: opts,
    });
  }

  function table(r) {
    const rows = [...r.incidents].reverse().map((i) => `
      <tr data-dir="${esc(i.dir)}" title="Open this incident's timeline">
        <td class="num">${esc(i.started.slice(0, 16).replace('T', ' '))}</td>
        <td><span class="sev sev-${esc(i.severity)}">${esc(i.severity)}</span></td>
        <td>${esc(i.title)}</td><td>${esc(i.status)}</td>
        ${DURS.map(([k]) => `<td class="num">${fmt(i.durationsMs[k])}</td>`).join('')}
        <td>${i.repeatOf.length ? '<span class="codicon codicon-debug-restart" title="Repeat"></span>' : ''}</td>
      </tr>`).join('');
    const body = document.querySelector('#table tbody');
    body.innerHTML = rows;
    for (const tr of body.querySelectorAll('tr')) tr.addEventListener('click', () => vscode.postMessage({ type: 'open', dir: tr.dataset.dir }));
  }

  function draw() {
    const r = report;
    const c = colors();
    Chart.defaults.font.family = css('--vscode-font-family', 'sans-serif');
    Chart.defaults.color = c.fg;
    document.getElementById('empty').hidden = r.incidents.length > 0;
    tiles(r);
    drawMonths(r, c);
    drawSeverity(r, c);
    drawDurations();
    drawRepeat(r, c);
    drawScatter(r, c);
    table(r);
  }

  window.addEventListener('message', (ev) => {
    const m = ev.data;
    if (m.type === 'report') {
      report = m.report;
      document.getElementById('root').textContent = m.root;
      const p = document.getElementById('problems');
      p.hidden = !m.problems.length;
      p.innerHTML = m.problems.map((x) => `<div><span class="codicon codicon-warning"></span> ${esc(x)}</div>`).join('');
      draw();
    } else if (m.type === 'error') {
      const p = document.getElementById('problems');
      p.hidden = false;
      p.textContent = m.message;
    }
  });
  // Theme changes switch the body class: redraw with the new colours.
  new window.MutationObserver(() => report && draw()).observe(document.body, { attributes: true, attributeFilter: ['class'] });
  vscode.postMessage({ type: 'ready' });
})();
