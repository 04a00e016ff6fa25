// Query result webview: draws a table, and a line chart for range queries, from a posted view model.
// All result text goes through textContent; nothing from Prometheus is parsed as HTML.
(function () {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('app');
  root.replaceChildren(el('p', { class: 'muted', text: 'Waiting for a result…' }));
  let chart;

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'text') e.textContent = v;
      else if (k === 'style') Object.assign(e.style, v);
      else e.setAttribute(k, v);
    }
    for (const c of children) if (c) e.append(c);
    return e;
  }

  function themeColor(name, fallback) {
    const v = window.getComputedStyle(document.body).getPropertyValue(name).trim();
    return v || fallback;
  }

  function palette() {
    return ['--vscode-charts-blue', '--vscode-charts-orange', '--vscode-charts-green', '--vscode-charts-red', '--vscode-charts-purple', '--vscode-charts-yellow', '--vscode-charts-foreground']
      .map((n, i) => themeColor(n, ['#3794ff', '#d18616', '#89d185', '#f14c4c', '#b180d7', '#cca700', '#cccccc'][i]));
  }

  function timeLabel(ms, withDate) {
    const iso = new Date(ms).toISOString();
    return withDate ? `${iso.slice(5, 10)} ${iso.slice(11, 19)}` : iso.slice(11, 19);
  }

  function renderChart(container, view) {
    if (typeof window.Chart !== 'function') {
      container.append(el('p', { class: 'muted', text: 'The chart library did not load; the table below has the values.' }));
      return;
    }
    const colors = palette();
    const fg = themeColor('--vscode-foreground', '#cccccc');
    const grid = themeColor('--vscode-editorWidget-border', 'rgba(128,128,128,0.3)');
    const all = view.chart.series.flatMap((s) => s.points.map((p) => p[0]));
    const spanMs = all.length ? Math.max(...all) - Math.min(...all) : 0;
    const box = el('div', { class: 'chart-box' });
    const canvas = el('canvas', { 'aria-label': `Line chart of ${view.chart.series.length} series`, role: 'img' });
    box.append(canvas);
    container.append(box);
    if (view.chart.total > view.chart.series.length) {
      container.append(el('p', { class: 'muted', text: `Chart shows the ${view.chart.series.length} highest of ${view.chart.total} series; the table lists them all.` }));
    }
    chart = new window.Chart(canvas, {
      type: 'line',
      data: {
        datasets: view.chart.series.map((s, i) => ({
          label: s.name,
          data: s.points.map(([x, y]) => ({ x, y })),
          borderColor: colors[i % colors.length],
          backgroundColor: colors[i % colors.length],
          borderWidth: 1.5,
          pointRadius: 0,
          spanGaps: false,
        })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        interaction: { mode: 'nearest', intersect: false },
        scales: {
          x: { type: 'linear', ticks: { color: fg, maxRotation: 0, callback: (v) => timeLabel(v, spanMs > 86_400_000) }, grid: { color: grid } },
          y: { ticks: { color: fg }, grid: { color: grid } },
        },
        plugins: {
          legend: { display: view.chart.series.length <= 10, labels: { color: fg, boxWidth: 10 } },
          tooltip: { callbacks: { title: (items) => (items.length ? `${timeLabel(items[0].parsed.x, true)} UTC` : '') } },
        },
      },
    });
  }

  function renderTable(container, view) {
    const matrix = view.resultType === 'matrix';
    const cols = matrix
      ? [['series', 'Series'], ['value', 'Last'], ['min', 'Min'], ['max', 'Max'], ['points', 'Points']]
      : [['series', 'Series'], ['value', 'Value'], ['time', 'Time (UTC)']];
    let rows = view.rows.slice();
    let sortKey = 'value';
    let dir = -1;
    const colors = palette();
    const chartIndex = new Map((view.chart ? view.chart.series : []).map((s, i) => [s.name, i]));
    const table = el('table');
    const thead = el('thead');
    const tbody = el('tbody');
    table.append(thead, tbody);
    const num = (v) => { const n = Number(v); return Number.isNaN(n) ? -Infinity : n; };

    function draw() {
      rows.sort((a, b) => {
        const x = a[sortKey];
        const y = b[sortKey];
        return (sortKey === 'series' ? String(x).localeCompare(String(y)) : num(x) - num(y)) * dir;
      });
      thead.replaceChildren(el('tr', {}, ...cols.map(([k, label]) => {
        const th = el('th', { text: label, scope: 'col' });
        if (k === sortKey) th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
        th.addEventListener('click', () => {
          dir = sortKey === k ? -dir : (k === 'series' ? 1 : -1);
          sortKey = k;
          draw();
        });
        return th;
      })));
      tbody.replaceChildren(...rows.map((r) => el('tr', {}, ...cols.map(([k]) => {
        if (k === 'series') {
          const td = el('td', { class: 'series' });
          const i = chartIndex.get(r.series);
          if (i !== undefined) td.append(el('span', { class: 'swatch', style: { background: colors[i % colors.length] } }));
          td.append(document.createTextNode(r.series));
          return td;
        }
        if (k === 'time') return el('td', { class: 'num', text: new Date(r.time * 1000).toISOString().slice(11, 23) });
        return el('td', { class: 'num', text: r[k] === undefined ? '' : String(r[k]) });
      }))));
    }
    draw();
    container.append(table);
    if (view.rowsTotal > view.rows.length) {
      container.append(el('p', { class: 'muted', text: `Showing ${view.rows.length} of ${view.rowsTotal} rows; the full result is in the output file.` }));
    }
  }

  function outputLink(file) {
    const a = el('a', { href: '#', title: 'Open the full result (JSON) recorded in the incident', text: `recorded: ${file}` });
    a.addEventListener('click', (e) => {
      e.preventDefault();
      vscode.postMessage({ type: 'openOutput' });
    });
    return el('span', {}, a);
  }

  function render(view) {
    if (chart) { chart.destroy(); chart = undefined; }
    const meta = el('div', { class: 'meta muted' },
      el('span', { text: view.how }),
      el('span', { text: view.prometheus }),
      el('span', { text: `${view.time.replace('T', ' ').slice(0, 19)} UTC` }),
      el('span', { text: `${(view.durationMs / 1000).toFixed(2)} s` }),
      view.outputFile ? outputLink(view.outputFile) : null);
    const parts = [el('h1', { text: view.title }), meta, el('pre', { class: 'query', text: view.query })];
    if (view.error) parts.push(el('div', { class: 'error', role: 'alert', text: view.error }));
    for (const w of view.warnings || []) parts.push(el('div', { class: 'warning', text: `Warning: ${w}` }));
    if (!view.error) parts.push(el('p', { class: 'summary', text: view.summary }));
    root.replaceChildren(...parts);
    if (view.error) return;
    if (view.chart && view.chart.series.length) renderChart(root, view);
    if (view.rows.length) renderTable(root, view);
    else root.append(el('p', { class: 'muted', text: 'No series matched.' }));
  }

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m && m.type === 'result' && m.view) {
      vscode.setState(m.view);
      render(m.view);
    }
  });
  const saved = vscode.getState();
  if (saved) render(saved);
  vscode.postMessage({ type: 'ready' });
})();
