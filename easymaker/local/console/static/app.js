// EasyMaker Local console: one page, hash routes, reading this server's own REST API with the session cookie.
// Every value from the server is put into the page as text (textContent), never as HTML.
"use strict";

(function () {
  const API_HEADERS = { "X-EasyMaker-Console": "1" };
  const PAGE_SIZE = 50;
  const OK = new Set(["COMPLETE", "ACTIVE", "SUCCEEDED", "ENABLED", "SUCCESS"]);
  const BAD = new Set(["FAIL", "FAILED", "CREATE_FAILED", "DELETE_FAILED", "STOPPED", "STOP", "ERROR", "FAIL_TRAIN",
    "COMPLETE_FAILED", "TIMEOUT", "ENABLED_EXPIRED", "DISABLED"]);
  const FINAL = new Set(["COMPLETE", "FAIL", "FAILED", "STOPPED", "CREATE_FAILED", "DELETE_FAILED", "SUCCEEDED",
    "ACTIVE", "TIMEOUT", "COMPLETE_FAILED", "FAIL_TRAIN", "ENABLED_EXPIRED", "DISABLED"]);
  // the guide's default metric regex: name=value pairs in a job's output
  const METRIC_RE = /([\w|-]+)\s*=\s*([+-]?\d*(?:\.\d+)?(?:[Ee][+-]?\d+)?)/g;

  const view = document.getElementById("view");
  const notice = document.getElementById("notice");
  const appkeySelect = document.getElementById("appkey");
  let timers = [];
  let aborters = []; // long polls of the page being left
  let appkeys = [];
  let navToken = 0;
  let keepNotice = false; // a notice written just before a navigation (e.g. "Deleted ...") stays on the next page

  // ------------------------------------------------------------------------------------------------- helpers
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
      else if (k === "class") el.className = v;
      else if (k === "text") el.textContent = v;
      else el.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children.flat(Infinity)) {
      if (c === undefined || c === null || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }
  const svgNS = "http://www.w3.org/2000/svg";
  function s(tag, attrs, ...children) {
    const el = document.createElementNS(svgNS, tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== undefined && v !== null) el.setAttribute(k, String(v));
    for (const c of children.flat(Infinity)) if (c !== undefined && c !== null) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return el;
  }
  function enc(x) { return encodeURIComponent(x); }
  function link(href, text) { return h("a", { href }, text); }
  function every(fn, ms) { const t = setInterval(fn, ms); timers.push(t); return t; }
  function showNotice(text, kind) {
    notice.textContent = text;
    notice.className = kind || "";
    notice.hidden = !text;
  }

  class ApiError extends Error {
    constructor(status, message) { super(message); this.status = status; }
  }
  async function api(path, opts) {
    const o = Object.assign({ method: "GET", credentials: "same-origin" }, opts || {});
    if (o.signal === undefined) delete o.signal;
    o.headers = Object.assign({}, API_HEADERS, o.headers || {});
    if (o.json !== undefined) { o.body = JSON.stringify(o.json); o.headers["Content-Type"] = "application/json"; delete o.json; }
    const r = await fetch(path, o);
    let doc = null;
    try { doc = await r.json(); } catch (e) { doc = null; }
    if (r.status === 401) { location.reload(); throw new ApiError(401, "signed out"); }
    if (!r.ok || (doc && doc.header && doc.header.isSuccessful === false)) {
      const msg = (doc && doc.header && doc.header.resultMessage) || `HTTP ${r.status}`;
      throw new ApiError(r.status, msg);
    }
    return doc;
  }
  const ak = (appkey) => `/v1.0/appkeys/${enc(appkey)}`;
  function selectedAppkeys() { return appkeySelect.value ? [appkeySelect.value] : appkeys.map((a) => a.appkey); }
  async function listAll(path, key) {
    const lists = await Promise.all(selectedAppkeys().map((a) => api(`${ak(a)}/${path}`).then((d) => d[key] || [])));
    return lists.flat().sort((x, y) => String(y.createdDatetime || "").localeCompare(String(x.createdDatetime || "")));
  }

  function statusClass(st) {
    if (!st) return "idle";
    if (OK.has(st)) return "ok";
    if (BAD.has(st) || st.includes("FAIL")) return "bad";
    if (st.endsWith("IN_PROGRESS") || st === "RUNNING" || st.endsWith("REQUESTED") || st === "PENDING" || st === "CREATED") return "run";
    return "idle";
  }
  const SYMBOL = { ok: "✓", bad: "✕", run: "◔", idle: "•" };
  function badge(st) {
    const c = statusClass(st);
    return h("span", { class: `status ${c}`, "data-status": st || "" }, h("span", { "aria-hidden": "true" }, SYMBOL[c]), st || "—");
  }
  function parseTime(t) { const v = Date.parse(t || ""); return isNaN(v) ? null : v; }
  function fmtTime(t) { const v = parseTime(t); return v === null ? "—" : new Date(v).toLocaleString(); }
  function durationSeconds(r) {
    if (typeof r.elapsedTimeSeconds === "number") return r.elapsedTimeSeconds;
    const a = parseTime(r.startedDatetime), b = parseTime(r.finishedDatetime);
    if (a !== null && b !== null) return (b - a) / 1000;
    if (a !== null) return (Date.now() - a) / 1000;
    return null;
  }
  function fmtDuration(sec) {
    if (sec === null || sec === undefined) return "—";
    sec = Math.round(sec);
    if (sec < 60) return `${sec} s`;
    if (sec < 3600) return `${Math.floor(sec / 60)} min ${sec % 60} s`;
    return `${Math.floor(sec / 3600)} h ${Math.floor((sec % 3600) / 60)} min`;
  }
  function fmtNum(v) {
    const n = Number(v);
    if (v === null || v === undefined || v === "" || isNaN(n)) return v === undefined || v === null ? "—" : String(v);
    return Math.abs(n) >= 1e5 || (Math.abs(n) < 1e-3 && n !== 0) ? n.toExponential(3) : String(Math.round(n * 1e4) / 1e4);
  }
  function chips(list, nameKey, valueKey) {
    if (!list || !list.length) return h("span", { class: "muted" }, "—");
    return h("span", { class: "chips" }, list.map((p) => h("span", { class: "chip" }, `${p[nameKey]}=${p[valueKey]}`)));
  }
  function kv(pairs) {
    return h("dl", { class: "kv" }, pairs.filter((p) => p).map(([k, v]) => [h("dt", {}, k), h("dd", {}, v instanceof Node ? v : (v === undefined || v === null || v === "" ? "—" : String(v)))]));
  }
  function crumbs(...parts) { return h("div", { class: "crumbs" }, parts.map((p, i) => [i ? " / " : "", p])); }
  function card(...children) { return h("section", { class: "card" }, ...children); }
  function loading() { return h("p", { class: "muted" }, "Loading…"); }
  function errorBox(e) { return h("p", { class: "error", role: "alert" }, `Could not load: ${e.message}`); }

  // ------------------------------------------------------------------------------------------ paged tables
  // columns: [{label, value: row => sortable/filterable value, cell: row => Node|string, num}]
  function pagedTable(opts) {
    const state = { rows: opts.rows || [], page: 1, filter: "", sort: null, dir: 1 };
    const tbody = h("tbody");
    const info = h("span", { "aria-live": "polite" });
    const prev = h("button", { type: "button", onclick: () => go(state.page - 1) }, "‹ Previous");
    const next = h("button", { type: "button", onclick: () => go(state.page + 1) }, "Next ›");
    const total = () => (opts.remote ? opts.remote.total : filtered().length);
    const search = h("input", {
      type: "search", placeholder: opts.filterPlaceholder || "Filter…", "aria-label": opts.filterLabel || "Filter rows",
      oninput: () => { state.filter = search.value.toLowerCase(); state.page = 1; if (opts.remote) opts.remote.onFilter(state.filter); else render(); },
    });
    function filtered() {
      let rows = state.rows;
      if (state.filter && !opts.remote) {
        rows = rows.filter((r) => opts.columns.some((c) => String(c.value ? c.value(r) : "").toLowerCase().includes(state.filter)));
      }
      if (state.sort !== null) {
        const c = opts.columns[state.sort];
        rows = rows.slice().sort((a, b) => {
          const x = c.value(a), y = c.value(b);
          const nx = Number(x), ny = Number(y);
          const cmp = x !== "" && y !== "" && !isNaN(nx) && !isNaN(ny) ? nx - ny : String(x).localeCompare(String(y));
          return cmp * state.dir;
        });
      }
      return rows;
    }
    function go(page) {
      const pages = Math.max(1, Math.ceil(total() / PAGE_SIZE));
      state.page = Math.min(Math.max(1, page), pages);
      if (opts.remote) opts.remote.onPage(state.page); else render();
    }
    function render() {
      const rows = filtered();
      const n = total();
      const start = opts.remote ? 0 : (state.page - 1) * PAGE_SIZE;
      const pageRows = rows.slice(start, start + PAGE_SIZE);
      tbody.replaceChildren(...pageRows.map((r) => h("tr", { "data-id": opts.rowId ? opts.rowId(r) : null },
        opts.columns.map((c) => h("td", { class: c.num ? "num" : null }, c.cell ? c.cell(r) : String(c.value(r)))))));
      if (!pageRows.length) tbody.append(h("tr", {}, h("td", { colspan: opts.columns.length, class: "empty" }, opts.empty || "Nothing here yet.")));
      const first = n ? (state.page - 1) * PAGE_SIZE + 1 : 0;
      info.textContent = `Rows ${first}–${Math.min(state.page * PAGE_SIZE, n)} of ${n.toLocaleString()}`;
      prev.disabled = state.page <= 1;
      next.disabled = state.page * PAGE_SIZE >= n;
    }
    const ths = opts.columns.map((c, i) => {
      if (!c.value || c.nosort) return h("th", { scope: "col" }, c.label);
      const th = h("th", { scope: "col", "aria-sort": "none" });
      th.append(h("button", { type: "button", class: "sort", onclick: () => {
        state.dir = state.sort === i ? -state.dir : 1; state.sort = i;
        ths.forEach((t) => t.setAttribute && t.setAttribute("aria-sort", "none"));
        th.setAttribute("aria-sort", state.dir === 1 ? "ascending" : "descending");
        render();
      } }, c.label));
      return th;
    });
    const el = h("div", { class: "ptable" },
      h("div", { class: "toolbar" }, opts.noFilter ? null : search, opts.tools || null),
      h("div", { class: "table-wrap" }, h("table", { "aria-label": opts.label || null }, h("thead", {}, h("tr", {}, ths)), tbody)),
      h("div", { class: "pager" }, info, prev, next));
    render();
    return {
      el, render,
      setRows(rows) { state.rows = rows; render(); },
      get page() { return state.page; },
    };
  }

  // ------------------------------------------------------------------------------------------- confirmation
  const dialog = document.getElementById("confirm");
  function confirmAction(text, okLabel) {
    document.getElementById("confirm-text").textContent = text;
    document.getElementById("confirm-ok").textContent = okLabel || "Confirm";
    dialog.returnValue = "";
    dialog.showModal();
    document.getElementById("confirm-cancel").focus();
    return new Promise((resolve) => dialog.addEventListener("close", () => resolve(dialog.returnValue === "ok"), { once: true }));
  }
  // stop/delete buttons that go through the same API (same 409 rules): a refusal shows the server's reason
  function actions(kindLabel, name, base, opts) {
    const box = h("div", { class: "toolbar" });
    if (opts.stop) {
      box.append(h("button", { type: "button", class: "danger", onclick: async () => {
        if (!(await confirmAction(`Stop ${kindLabel} "${name}"?`, "Stop"))) return;
        try { await api(`${base}/stop`, { method: opts.stopMethod || "PUT" }); showNotice(`Stop requested for ${kindLabel} ${name}.`, "info"); opts.after && opts.after(); }
        catch (e) { showNotice(`Stop refused: ${e.message}`); }
      } }, "Stop"));
    }
    if (opts.del !== false) {
      box.append(h("button", { type: "button", class: "danger", onclick: async () => {
        if (!(await confirmAction(`Delete ${kindLabel} "${name}"? This cannot be undone.`, "Delete"))) return;
        try { await api(base, { method: "DELETE" }); showNotice(`Deleted ${kindLabel} ${name}.`, "info"); if (opts.back) { keepNotice = true; location.hash = opts.back; } }
        catch (e) { showNotice(`Delete refused: ${e.message}`); }
      } }, "Delete"));
    }
    return box;
  }

  // ------------------------------------------------------------------------------------------------- charts
  function lineChart(container, title, xs, series, opts) {
    container.replaceChildren();
    if (!xs.length) { container.append(h("p", { class: "muted" }, opts && opts.empty || "No points yet.")); return null; }
    const dashes = [[], [6, 4], [2, 3], [10, 3, 2, 3], [1, 6]];
    const palette = ["#2454d6", "#c2410c", "#177245", "#7c3aed", "#0e7490", "#b42318"];
    const width = Math.max(320, Math.min(container.clientWidth || 640, 1100));
    const u = new uPlot({
      title, width, height: (opts && opts.height) || 260,
      scales: { x: { time: false } },
      axes: [{ label: (opts && opts.xLabel) || "step" }, { label: (opts && opts.yLabel) || "" }],
      series: [{ label: (opts && opts.xLabel) || "step" }].concat(series.map((sr, i) => ({
        label: sr.label, stroke: palette[i % palette.length], width: 2, dash: dashes[i % dashes.length],
        points: { show: true, size: 6 }, spanGaps: true, paths: opts && opts.points ? () => null : undefined,
      }))),
    }, [xs].concat(series.map((sr) => sr.values)), container);
    container.setAttribute("role", "img");
    container.setAttribute("aria-label", `${title}: ${series.map((sr) => `${sr.label} (${sr.values.filter((v) => v !== null).length} points)`).join(", ")}`);
    container.dataset.points = String(series.reduce((n, sr) => n + sr.values.filter((v) => v !== null && v !== undefined).length, 0));
    return u;
  }
  // one run's metrics from its output (the guide's regex) or from the metrics operation when the server has one
  function metricsFromLines(text) {
    const out = {};
    for (const line of text.split("\n")) {
      METRIC_RE.lastIndex = 0;
      const pairs = [];
      let m;
      while ((m = METRIC_RE.exec(line)) !== null) {
        if (m[2] === "" || m[2] === "+" || m[2] === "-" || isNaN(Number(m[2]))) continue;
        pairs.push([m[1], Number(m[2])]);
      }
      if (!pairs.length) continue;
      const stepPair = pairs.find(([k]) => k === "step" || k === "epoch");
      for (const [k, v] of pairs) {
        if (stepPair && k === stepPair[0]) continue;
        (out[k] = out[k] || []).push({ step: stepPair ? stepPair[1] : (out[k] ? out[k].length + 1 : 1), value: v });
      }
    }
    return out;
  }
  async function runMetrics(appkey, kind, id, source) {
    // the metrics the run recorded (getResourceMetrics) when there are any; else name=value lines of its output
    const src = source ? `&source=${enc(source)}` : "";
    try {
      const d = await api(`${ak(appkey)}/metrics/${enc(id)}?${src.slice(1)}`);
      const list = d.metricSeriesList || [];
      if (list.length) {
        const out = {};
        for (const m of list) out[m.metricName] = (m.history || []).map((p, i) => ({ step: p.step ?? i + 1, value: Number(p.value) }));
        return { source: "metrics", series: out };
      }
    } catch (e) { /* an older server without the operation: read the output */ }
    const lines = await outputLines(appkey, id, src);
    const text = lines.join("\n");
    const xLabel = /(^|\s)epoch\s*=/.test(text) && !/(^|\s)step\s*=/.test(text) ? "epoch" : "step";
    return { source: "output", series: metricsFromLines(text), xLabel };
  }
  // every line of a job's output so far (getResourceLogs from offset 0; the admin tail on an older server)
  async function outputLines(appkey, id, src) {
    try {
      const lines = [];
      let offset = 0;
      for (let i = 0; i < 50; i++) {
        const c = (await api(`${ak(appkey)}/logs/${enc(id)}?offset=${offset}${src || ""}`)).logChunk;
        lines.push(...(c.lineList || []));
        if (!c.lineList || !c.lineList.length || c.nextOffset === offset) break;
        offset = c.nextOffset;
      }
      return lines;
    } catch (e) {
      const d = await api(`/admin/jobs/${enc(id)}/logs`);
      return ((d.jobLogs || {}).stdout || "").split("\n");
    }
  }
  function curvePanel(appkey, runs) {
    // runs: [{id, name, kind}] -> one metric at a time, every run overlaid
    const pick = h("select", { "aria-label": "Metric" });
    const chart = h("div", { class: "chart", "data-testid": "metric-chart" });
    const note = h("p", { class: "legend-note" });
    const box = card(h("h2", {}, runs.length > 1 ? "Metric curves (overlaid)" : "Metric curve"),
      h("div", { class: "toolbar" }, h("label", {}, "Metric ", pick)), chart, note);
    let data = [];
    async function load() {
      data = await Promise.all(runs.map(async (r) => ({ run: r, m: await runMetrics(appkey, r.kind, r.id, r.source) })));
      const names = [...new Set(data.flatMap((d) => Object.keys(d.m.series)))].sort();
      const cur = pick.value;
      pick.replaceChildren(...names.map((n) => h("option", { value: n }, n)));
      if (names.includes(cur)) pick.value = cur;
      draw();
      if (box.onMetrics && data.length === 1) box.onMetrics(data[0].m.series);
      const src = [...new Set(data.map((d) => d.m.source))];
      note.textContent = src.includes("output") ? "Read from the job's output lines (name=value), as the tuning's metric regex does." : "";
    }
    function draw() {
      const name = pick.value;
      if (!name) { lineChart(chart, "", [], [], { empty: "No metrics logged yet." }); return; }
      const steps = [...new Set(data.flatMap((d) => (d.m.series[name] || []).map((p) => p.step)))].sort((a, b) => a - b);
      const series = data.map((d) => {
        const byStep = new Map((d.m.series[name] || []).map((p) => [p.step, p.value]));
        return { label: d.run.name, values: steps.map((st) => (byStep.has(st) ? byStep.get(st) : null)) };
      });
      lineChart(chart, name, steps, series, { yLabel: name, xLabel: (data[0] && data[0].m.xLabel) || "step" });
    }
    pick.addEventListener("change", draw);
    box.reload = load;
    load().catch((e) => chart.replaceChildren(errorBox(e)));
    return box;
  }

  // --------------------------------------------------------------------------------------------------- logs
  // follows a job's log with getResourceLogs: lines from a byte offset, long-polling for new ones until the job ends;
  // a job with several logs (trials, pipeline steps, model workers) offers them in a picker
  function logPanel(appkey, jobId, title) {
    const pre = h("pre", { class: "logs", tabindex: "0", "aria-label": "Job output", "data-testid": "logs" });
    const search = h("input", { type: "search", placeholder: "Search the logs…", "aria-label": "Search the logs" });
    const follow = h("input", { type: "checkbox", id: `follow-${jobId}`, checked: true });
    const pick = h("select", { "aria-label": "Which log", hidden: true }, h("option", { value: "" }, "job"));
    const count = h("span", { class: "muted", "aria-live": "polite" });
    const state = h("span", { class: "muted" });
    let lines = [];
    let ctrl = null;
    function render() {
      const q = search.value.toLowerCase();
      const shown = [];
      for (const l of lines) {
        if (q && !l.toLowerCase().includes(q)) continue;
        const div = h("div", { class: l.startsWith("[easymaker]") ? "sys" : null });
        if (q) {
          const i = l.toLowerCase().indexOf(q);
          div.append(l.slice(0, i), h("mark", {}, l.slice(i, i + q.length)), l.slice(i + q.length));
        } else div.textContent = l;
        shown.push(div);
      }
      pre.replaceChildren(...shown);
      if (!shown.length) pre.append(h("div", { class: "muted" }, q ? "No line matches." : "No output yet."));
      count.textContent = q ? `${shown.length} of ${lines.length} lines match` : `${lines.length} lines`;
      if (follow.checked) pre.scrollTop = pre.scrollHeight;
    }
    search.addEventListener("input", render);
    async function run(source) {
      if (ctrl) ctrl.abort();
      const my = (ctrl = new AbortController());
      aborters.push(my);
      lines = [];
      render();
      const src = source ? `&source=${enc(source)}` : "";
      let offset = 0;
      let failures = 0;
      while (!my.signal.aborted) {
        let c;
        try {
          c = (await api(`${ak(appkey)}/logs/${enc(jobId)}?offset=${offset}&waitSeconds=10${src}`, { signal: my.signal })).logChunk;
          failures = 0;
        } catch (e) {
          if (my.signal.aborted) return;
          if (++failures > 3) { state.textContent = `log unavailable: ${e.message}`; return; }
          await new Promise((r) => setTimeout(r, 1000));
          continue;
        }
        if (my.signal.aborted) return;
        if (c.lineList && c.lineList.length) { lines.push(...c.lineList); render(); }
        offset = c.nextOffset ?? offset;
        state.textContent = c.finished ? `ended (${c.statusCode || "final"})` : "following…";
        if (c.finished) return;
      }
    }
    pick.addEventListener("change", () => run(pick.value));
    api(`${ak(appkey)}/logs/${enc(jobId)}/sources`).then((d) => {
      const list = (d.logSourceList || []).filter((x) => x.source);
      if (!list.length) return;
      const label = { TRIAL: "trial", PIPELINE_STEP: "step", MODEL_WORKER: "worker" };
      pick.append(...list.map((x) => h("option", { value: x.source }, `${label[x.sourceTypeCode] || x.sourceTypeCode} ${x.source}`)));
      pick.hidden = false;
    }).catch(() => {});
    render();
    run("");
    return card(h("h2", {}, title || "Logs"),
      h("div", { class: "toolbar" }, pick, search, h("label", { for: follow.id }, follow, " Follow"), state, h("span", { class: "spacer" }), count), pre);
  }

  // ---------------------------------------------------------------------------------------------- views
  const routes = [];
  function route(re, fn) { routes.push([re, fn]); }
  function setSection(name) {
    for (const a of document.querySelectorAll("#nav a")) {
      if (a.dataset.section === name) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
    }
  }

  // experiments of every appkey
  route(/^\/?$/, async () => {
    setSection("experiments");
    const rows = await listAll("experiments", "experimentList");
    const t = pagedTable({
      label: "Experiments", rows, filterLabel: "Filter experiments", filterPlaceholder: "Filter by name, appkey, id…",
      rowId: (r) => r.experimentId,
      columns: [
        { label: "Name", value: (r) => r.experimentName, cell: (r) => link(`#/experiment/${enc(r.appKey)}/${enc(r.experimentId)}`, r.experimentName) },
        { label: "Appkey", value: (r) => r.appKey },
        { label: "Status", value: (r) => r.experimentStatusCode, cell: (r) => badge(r.experimentStatusCode) },
        { label: "Description", value: (r) => r.description || "" },
        { label: "Created", value: (r) => r.createdDatetime || "", cell: (r) => fmtTime(r.createdDatetime) },
      ],
      empty: "No experiments yet. Create one with easymaker.Experiment().create(...).",
    });
    return [h("h1", {}, "Experiments"), card(t.el)];
  });

  function trainingColumns(withExperiment) {
    return [
      { label: "", nosort: true, cell: (r) => h("input", { type: "checkbox", class: "pick", value: r.trainingId, "aria-label": `Compare ${r.trainingName}`, "data-name": r.trainingName }) },
      { label: "Name", value: (r) => r.trainingName, cell: (r) => link(`#/training/${enc(r.appKey)}/${enc(r.trainingId)}`, r.trainingName) },
      withExperiment ? { label: "Experiment", value: (r) => (r.experiment && r.experiment.experimentName) || "" } : null,
      { label: "Status", value: (r) => r.trainingStatusCode, cell: (r) => badge(r.trainingStatusCode) },
      { label: "Duration", value: (r) => durationSeconds(r) ?? "", cell: (r) => fmtDuration(durationSeconds(r)), num: true },
      { label: "Hyperparameters", value: (r) => (r.hyperparameterList || []).map((p) => `${p.parameterName}=${p.parameterValue}`).join(" "), cell: (r) => chips(r.hyperparameterList, "parameterName", "parameterValue") },
      { label: "Final metrics", value: (r) => finalMetricsText(r), cell: (r) => lazyFinalMetrics(r) },
      { label: "Created", value: (r) => r.createdDatetime || "", cell: (r) => fmtTime(r.createdDatetime) },
    ].filter(Boolean);
  }
  // the last value of each metric of a run, read after the table is shown (recorded metrics, else output lines)
  const finalCache = new Map();
  const finalQueue = [];
  let finalBusy = 0;
  const finalPending = new Map(); // training id -> cells waiting for its metrics
  function lazyFinalMetrics(r) {
    if (finalMetricList(r).length) return finalMetrics(r);
    const cell = h("span", { class: "muted" }, "…");
    const key = r.trainingId;
    const fill = (c, list) => c.replaceChildren(finalMetrics({ metricList: list }));
    if (finalCache.has(key)) { fill(cell, finalCache.get(key)); return cell; }
    if (!FINAL.has(r.trainingStatusCode) && r.trainingStatusCode !== "RUNNING") { cell.textContent = "—"; return cell; }
    if (finalPending.has(key)) { finalPending.get(key).push(cell); return cell; }
    finalPending.set(key, [cell]);
    finalQueue.push(async () => {
      let list = [];
      try {
        const m = await runMetrics(r.appKey, "training", key);
        list = Object.entries(m.series).map(([name, pts]) => ({ metricName: name, value: pts.length ? pts[pts.length - 1].value : null }));
        if (FINAL.has(r.trainingStatusCode)) finalCache.set(key, list);
      } finally {
        for (const c of finalPending.get(key) || []) fill(c, list);
        finalPending.delete(key);
      }
    });
    pumpFinal();
    return cell;
  }
  function pumpFinal() {
    while (finalBusy < 4 && finalQueue.length) {
      const job = finalQueue.shift();
      finalBusy++;
      job().catch(() => {}).finally(() => { finalBusy--; pumpFinal(); });
    }
  }
  function finalMetricList(r) {
    const list = r.metricList || r.finalMetricList || r.trialMetricList || [];
    return list.map((m) => ({ name: m.metricName || m.trialMetricName || m.name, value: m.latestValue ?? m.value ?? m.trialMetricLatestValue }));
  }
  function finalMetricsText(r) { return finalMetricList(r).map((m) => `${m.name}=${m.value}`).join(" "); }
  function finalMetrics(r) {
    const l = finalMetricList(r);
    return l.length ? h("span", { class: "chips" }, l.map((m) => h("span", { class: "chip" }, `${m.name}=${fmtNum(m.value)}`))) : h("span", { class: "muted" }, "—");
  }

  // one appkey's trainings, paged by the server (newest first), optionally of one experiment
  function remoteTrainings(appkey, experimentId, withExperiment) {
    let page = 1;
    let filter = "";
    const remote = { total: 0, onPage: (p) => { page = p; load(); }, onFilter: (f) => { filter = f; load(); } };
    const compare = h("button", { type: "button", onclick: () => {
      const ids = [...t.el.querySelectorAll("input.pick:checked")].map((c) => c.value);
      if (!ids.length) { showNotice("Pick one or more trainings to compare (the checkboxes)."); return; }
      location.hash = `#/compare/${enc(appkey)}?ids=${ids.map(enc).join(",")}`;
    } }, "Compare selected");
    const t = pagedTable({ label: "Trainings", rows: [], remote, columns: trainingColumns(withExperiment), tools: [h("span", { class: "spacer" }), compare],
      filterLabel: "Filter this page", filterPlaceholder: "Filter this page…", rowId: (r) => r.trainingId,
      empty: "No trainings yet." });
    async function load() {
      const q = new URLSearchParams({ page: String(page), limit: String(PAGE_SIZE) });
      if (experimentId) q.set("experimentId", experimentId);
      const d = await api(`${ak(appkey)}/trainings?${q}`);
      let rows = d.trainingList || [];
      remote.total = d.paging ? d.paging.totalCount : rows.length;
      if (filter) rows = rows.filter((r) => trainingColumns(true).some((c) => c.value && String(c.value(r)).toLowerCase().includes(filter)));
      t.setRows(rows);
    }
    t.load = load;
    return t;
  }

  route(/^\/trainings$/, async () => {
    setSection("trainings");
    const out = [h("h1", {}, "Trainings")];
    const keys = selectedAppkeys();
    if (!keys.length) return out.concat(card(h("p", { class: "empty" }, "No trainings yet.")));
    for (const a of keys) {
      const t = remoteTrainings(a, null, true);
      await t.load();
      every(() => t.load(), 5000);
      out.push(card(keys.length > 1 ? h("h2", {}, `Appkey ${a}`) : null, t.el));
    }
    return out;
  });

  route(/^\/experiment\/([^/]+)\/([^/]+)$/, async (appkey, id) => {
    setSection("experiments");
    const exp = (await api(`${ak(appkey)}/experiments/${enc(id)}`)).experiment;
    const trainings = remoteTrainings(appkey, id, false);
    await trainings.load();
    const tunings = pagedTable({ label: "Tunings", rows: [], columns: tuningColumns(), empty: "No hyperparameter tunings in this experiment." });
    async function loadTunings() {
      const d = await api(`${ak(appkey)}/hyperparameter-tunings?${new URLSearchParams({ experimentId: id, page: "1", limit: "1000" })}`);
      tunings.setRows(d.hyperparameterTuningList || []);
    }
    await loadTunings();
    every(() => { trainings.load(); loadTunings(); }, 3000);
    return [crumbs(link("#/", "Experiments"), appkey), h("h1", {}, exp.experimentName),
      card(kv([["Appkey", appkey], ["Experiment id", exp.experimentId], ["Status", badge(exp.experimentStatusCode)], ["Description", exp.description], ["Created", fmtTime(exp.createdDatetime)]]),
        actions("experiment", exp.experimentName, `${ak(appkey)}/experiments/${enc(id)}`, { back: "#/" })),
      h("h2", {}, "Trainings"), card(trainings.el),
      h("h2", {}, "Hyperparameter tunings"), card(tunings.el)];
  });

  function tuningColumns(withExperiment) {
    return [
      { label: "Name", value: (r) => r.hyperparameterTuningName, cell: (r) => link(`#/tuning/${enc(r.appKey)}/${enc(r.hyperparameterTuningId)}`, r.hyperparameterTuningName) },
      withExperiment ? { label: "Experiment", value: (r) => (r.experiment && r.experiment.experimentName) || "" } : null,
      { label: "Status", value: (r) => r.hyperparameterTuningStatusCode, cell: (r) => badge(r.hyperparameterTuningStatusCode) },
      { label: "Duration", value: (r) => durationSeconds(r) ?? "", cell: (r) => fmtDuration(durationSeconds(r)), num: true },
      { label: "Trials ✓ / ✕", value: (r) => r.successfulTrialCount ?? "", cell: (r) => `${r.successfulTrialCount ?? 0} / ${r.failedTrialCount ?? 0}`, num: true },
      { label: "Best objective", value: (r) => bestObjective(r) ?? "", cell: (r) => fmtNum(bestObjective(r)), num: true },
      { label: "Created", value: (r) => r.createdDatetime || "", cell: (r) => fmtTime(r.createdDatetime) },
    ].filter(Boolean);
  }
  function objectiveName(r) { return (r.objectiveMetric && r.objectiveMetric.name) || r.objectiveMetricName || ""; }
  function trialObjective(r, trial) {
    const m = (trial.trialMetricList || []).find((x) => x.trialMetricName === objectiveName(r)) || (trial.trialMetricList || [])[0];
    return m ? Number(m.trialMetricLatestValue) : null;
  }
  function bestObjective(r) { return r.optimalTrial ? trialObjective(r, r.optimalTrial) : null; }

  route(/^\/tunings$/, async () => {
    setSection("tunings");
    const rows = await listAll("hyperparameter-tunings", "hyperparameterTuningList");
    return [h("h1", {}, "Hyperparameter tunings"), card(pagedTable({ label: "Tunings", rows, columns: tuningColumns(true) }).el)];
  });

  route(/^\/training\/([^/]+)\/([^/]+)$/, async (appkey, id) => {
    setSection("trainings");
    const base = `${ak(appkey)}/trainings/${enc(id)}`;
    let tr = (await api(base)).training;
    const statusCell = h("span");
    const durCell = h("span");
    function paint() { statusCell.replaceChildren(badge(tr.trainingStatusCode)); durCell.textContent = fmtDuration(durationSeconds(tr)); }
    paint();
    const done = () => FINAL.has(tr.trainingStatusCode);
    const curves = curvePanel(appkey, [{ id, name: tr.trainingName, kind: "training" }]);
    const finalBox = h("span", {}, finalMetrics(tr));
    curves.onMetrics = (series) => {
      if (finalMetricList(tr).length) return;
      const last = Object.entries(series).map(([name, pts]) => ({ metricName: name, value: pts.length ? pts[pts.length - 1].value : null }));
      finalBox.replaceChildren(finalMetrics({ metricList: last }));
    };
    const logs = logPanel(appkey, id);
    every(async () => {
      if (done()) return;
      try { tr = (await api(base)).training; paint(); curves.reload(); } catch (e) { /* deleted */ }
    }, 1500);
    const exp = tr.experiment || {};
    return [crumbs(link("#/", "Experiments"), exp.experimentId ? link(`#/experiment/${enc(appkey)}/${enc(exp.experimentId)}`, exp.experimentName || exp.experimentId) : "—"),
      h("h1", {}, tr.trainingName),
      actions("training", tr.trainingName, base, { stop: true, after: () => {}, back: exp.experimentId ? `#/experiment/${enc(appkey)}/${enc(exp.experimentId)}` : "#/trainings" }),
      h("div", { class: "grid2" },
        card(h("h2", {}, "Training"), kv([["Status", statusCell], ["Reason", tr.trainingStatusReason], ["Duration", durCell], ["Appkey", appkey], ["Training id", tr.trainingId],
          ["Image", tr.image && tr.image.imageName], ["Instance", tr.flavor && tr.flavor.name], ["Entry point", tr.entryPoint], ["Source", tr.sourceDirUri],
          ["Model upload", tr.modelUploadUri], ["Created", fmtTime(tr.createdDatetime)]])),
        card(h("h2", {}, "Hyperparameters and results"), kv([["Hyperparameters", chips(tr.hyperparameterList, "parameterName", "parameterValue")], ["Final metrics", finalBox],
          ["Models", (tr.modelList || []).length ? h("span", {}, tr.modelList.map((m, i) => [i ? ", " : "", link(`#/model/${enc(appkey)}/${enc(m.modelId)}`, m.modelName)])) : "—"]]))),
      curves, logs];
  });

  route(/^\/compare\/([^/?]+)\?ids=(.+)$/, async (appkey, ids) => {
    setSection("trainings");
    const list = ids.split(",").map(decodeURIComponent).slice(0, 12);
    const runs = await Promise.all(list.map(async (id) => {
      const t = (await api(`${ak(appkey)}/trainings/${enc(id)}`)).training;
      return { id, name: t.trainingName, kind: "training", doc: t };
    }));
    const table = pagedTable({ label: "Compared trainings", rows: runs.map((r) => r.doc), columns: trainingColumns(true).slice(1), noFilter: true });
    return [h("h1", {}, `Compare ${runs.length} trainings`), card(table.el), curvePanel(appkey, runs)];
  });

  route(/^\/tuning\/([^/]+)\/([^/]+)$/, async (appkey, id) => {
    setSection("tunings");
    const base = `${ak(appkey)}/hyperparameter-tunings/${enc(id)}`;
    const r = (await api(base)).hyperparameterTuning;
    const done = () => FINAL.has(r.hyperparameterTuningStatusCode);
    const trials = r.trialList || [];
    const hpNames = [...new Set(trials.flatMap((t) => (t.hyperparameterList || []).map((p) => p.parameterName)))];
    const obj = objectiveName(r) || "objective";
    const table = pagedTable({
      label: "Trials", rows: trials, rowId: (t) => t.trialId,
      columns: [
        { label: "Trial", value: (t) => t.trialName || t.trialId, cell: (t) => [t.trialName || t.trialId, r.optimalTrialId === t.trialId ? h("strong", {}, " ★ best") : ""] },
        { label: "Status", value: (t) => t.trialStatusCode, cell: (t) => badge(t.trialStatusCode) },
        ...hpNames.map((n) => ({ label: n, num: true, value: (t) => ((t.hyperparameterList || []).find((p) => p.parameterName === n) || {}).parameterValue ?? "", cell: (t) => fmtNum(((t.hyperparameterList || []).find((p) => p.parameterName === n) || {}).parameterValue) })),
        { label: `${obj} (latest)`, num: true, value: (t) => trialObjective(r, t) ?? "", cell: (t) => fmtNum(trialObjective(r, t)) },
      ],
      empty: "No trials yet.",
    });
    const xPick = h("select", { "aria-label": "Hyperparameter on the x axis" }, hpNames.map((n) => h("option", { value: n }, n)));
    const scatter = h("div", { class: "chart" });
    function drawScatter() {
      const pts = trials.map((t) => [Number(((t.hyperparameterList || []).find((p) => p.parameterName === xPick.value) || {}).parameterValue), trialObjective(r, t)])
        .filter(([x, y]) => !isNaN(x) && y !== null && !isNaN(y)).sort((a, b) => a[0] - b[0]);
      lineChart(scatter, `${obj} vs ${xPick.value}`, pts.map((p) => p[0]), [{ label: obj, values: pts.map((p) => p[1]) }], { points: true, xLabel: xPick.value, yLabel: obj, empty: "No finished trials with numeric values yet." });
    }
    xPick.addEventListener("change", drawScatter);
    const out = [crumbs(link("#/tunings", "Tunings"), appkey), h("h1", {}, r.hyperparameterTuningName),
      actions("tuning", r.hyperparameterTuningName, base, { stop: true, back: "#/tunings" }),
      card(kv([["Status", badge(r.hyperparameterTuningStatusCode)], ["Reason", r.hyperparameterTuningStatusReason], ["Duration", fmtDuration(durationSeconds(r))],
        ["Objective", `${obj} (${r.objectiveTypeCode || ""})`], ["Strategy", r.tuningStrategyName], ["Best trial", r.optimalTrial ? `${r.optimalTrial.trialName || r.optimalTrialId}: ${obj}=${fmtNum(bestObjective(r))}` : "—"],
        ["Trials ✓ / ✕ / running", `${r.successfulTrialCount ?? 0} / ${r.failedTrialCount ?? 0} / ${r.runningTrialCount ?? 0}`]])),
      h("h2", {}, "Trials"), card(table.el),
      h("div", { class: "grid2" }, card(h("h2", {}, "Hyperparameter vs objective"), h("div", { class: "toolbar" }, h("label", {}, "x axis ", xPick)), scatter),
        card(h("h2", {}, "Parallel coordinates"), parallelCoords(trials, hpNames, (t) => trialObjective(r, t), obj, r.optimalTrialId)))];
    if (trials.length) {
      const best = trials.find((t) => t.trialId === r.optimalTrialId);
      const shown = (best ? [best] : []).concat(trials.filter((t) => t !== best)).slice(0, 8);
      out.push(curvePanel(appkey, shown.map((t) => ({ id, source: t.trialId, name: t.trialName || t.trialId, kind: "tuning" }))));
    }
    setTimeout(drawScatter, 0);
    if (!done()) every(async () => { const n = (await api(base)).hyperparameterTuning; if (n.hyperparameterTuningStatusCode !== r.hyperparameterTuningStatusCode || (n.trialList || []).length !== trials.length || done()) render(); }, 3000);
    out.push(logPanel(appkey, id));
    return out;
  });

  function parallelCoords(trials, names, objective, objName, bestId) {
    const axes = names.concat([objName]);
    const rows = trials.map((t) => ({ id: t.trialId, vals: names.map((n) => Number(((t.hyperparameterList || []).find((p) => p.parameterName === n) || {}).parameterValue)).concat([objective(t)]) }))
      .filter((r) => r.vals.every((v) => v !== null && !isNaN(v)));
    if (!rows.length || axes.length < 2) return h("p", { class: "muted" }, "No finished trials with numeric hyperparameters yet.");
    const W = 640, H = 260, pad = 40, right = 70;
    const xs = axes.map((_, i) => pad + (i * (W - pad - right)) / (axes.length - 1));
    const ranges = axes.map((_, i) => { const v = rows.map((r) => r.vals[i]); return [Math.min(...v), Math.max(...v)]; });
    const y = (i, v) => { const [a, b] = ranges[i]; return H - pad - (b === a ? 0.5 : (v - a) / (b - a)) * (H - 2 * pad); };
    const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, width: "100%", role: "img", class: "pc", "aria-label": `Parallel coordinates of ${rows.length} trials over ${axes.join(", ")}; the best trial is the thick dashed line` });
    axes.forEach((a, i) => {
      svg.append(s("line", { class: "axis", x1: xs[i], x2: xs[i], y1: pad, y2: H - pad }),
        s("text", { x: xs[i], y: pad - 14, "text-anchor": "middle" }, a),
        s("text", { x: xs[i] + 4, y: pad + 4, class: "st" }, fmtNum(ranges[i][1])),
        s("text", { x: xs[i] + 4, y: H - pad, class: "st" }, fmtNum(ranges[i][0])));
    });
    for (const r of rows.sort((a) => (a.id === bestId ? 1 : -1))) {
      svg.append(s("path", { class: r.id === bestId ? "best" : null, d: r.vals.map((v, i) => `${i ? "L" : "M"}${xs[i]},${y(i, v)}`).join(" ") }));
    }
    return svg;
  }

  // models and lineage
  route(/^\/models$/, async () => {
    setSection("models");
    const rows = await listAll("models", "modelList");
    return [h("h1", {}, "Models"), card(pagedTable({ label: "Models", rows, rowId: (r) => r.modelId, columns: [
      { label: "Name", value: (r) => r.modelName, cell: (r) => link(`#/model/${enc(r.appKey)}/${enc(r.modelId)}`, r.modelName) },
      { label: "Appkey", value: (r) => r.appKey },
      { label: "Status", value: (r) => r.modelStatusCode, cell: (r) => badge(r.modelStatusCode) },
      { label: "Format", value: (r) => r.modelFormatCode || r.modelTypeCode || "" },
      { label: "From", value: (r) => (r.training && r.training.trainingName) || (r.hyperparameterTuning && r.hyperparameterTuning.hyperparameterTuningName) || "" },
      { label: "Created", value: (r) => r.createdDatetime || "", cell: (r) => fmtTime(r.createdDatetime) },
    ] }).el)];
  });

  route(/^\/model\/([^/]+)\/([^/]+)$/, async (appkey, id) => {
    setSection("models");
    const base = `${ak(appkey)}/models/${enc(id)}`;
    const m = (await api(base)).model;
    const [endpoints, batches, evals] = await Promise.all([
      api(`${ak(appkey)}/endpoints`).then((d) => d.endpointList || []),
      api(`${ak(appkey)}/batch-inferences`).then((d) => d.batchInferenceList || []),
      api(`${ak(appkey)}/model-evaluations`).then((d) => d.modelEvaluationList || []),
    ]);
    const serving = [];
    for (const e of endpoints) for (const st of e.endpointStageList || []) for (const em of st.endpointModelList || []) if (em.modelId === id) serving.push([e, st]);
    const from = m.trainingId ? link(`#/training/${enc(appkey)}/${enc(m.trainingId)}`, `training ${(m.training && m.training.trainingName) || m.trainingId}`)
      : m.hyperparameterTuningId ? link(`#/tuning/${enc(appkey)}/${enc(m.hyperparameterTuningId)}`, `tuning ${(m.hyperparameterTuning && m.hyperparameterTuning.hyperparameterTuningName) || m.hyperparameterTuningId}`) : "uploaded files";
    const li = (items, empty) => (items.length ? h("ul", {}, items.map((x) => h("li", {}, x))) : h("p", { class: "muted" }, empty));
    return [crumbs(link("#/models", "Models"), appkey), h("h1", {}, m.modelName),
      actions("model", m.modelName, base, { back: "#/models" }),
      card(kv([["Status", badge(m.modelStatusCode)], ["Format", m.modelFormatCode || m.modelTypeCode], ["Files", m.modelUploadUri], ["Model id", m.modelId], ["Created", fmtTime(m.createdDatetime)]])),
      h("h2", {}, "Lineage"),
      h("div", { class: "grid2" },
        card(h("h3", {}, "Came from"), li([from], "")),
        card(h("h3", {}, "Served by"), li(serving.map(([e, st]) => [link(`#/endpoint/${enc(appkey)}/${enc(e.endpointId)}`, e.endpointName), ` stage ${st.endpointStageName} `, badge(st.endpointStageStatusCode)]), "No endpoint serves it."))),
      h("div", { class: "grid2" },
        card(h("h3", {}, "Batch inferences"), li(batches.filter((b) => b.modelId === id).map((b) => [link(`#/batch/${enc(appkey)}/${enc(b.batchInferenceId)}`, b.batchInferenceName), " ", badge(b.batchInferenceStatusCode)]), "None.")),
        card(h("h3", {}, "Evaluations"), li(evals.filter((v) => v.modelId === id).map((v) => [link(`#/evaluation/${enc(appkey)}/${enc(v.modelEvaluationId)}`, v.modelEvaluationName), " ", badge(v.modelEvaluationStatusCode)]), "None.")))];
  });

  // endpoints, stages, predict
  route(/^\/endpoints$/, async () => {
    setSection("endpoints");
    const rows = await listAll("endpoints", "endpointList");
    return [h("h1", {}, "Endpoints"), card(pagedTable({ label: "Endpoints", rows, columns: [
      { label: "Name", value: (r) => r.endpointName, cell: (r) => link(`#/endpoint/${enc(r.appKey)}/${enc(r.endpointId)}`, r.endpointName) },
      { label: "Appkey", value: (r) => r.appKey },
      { label: "Status", value: (r) => r.endpointStatusCode, cell: (r) => badge(r.endpointStatusCode) },
      { label: "Stages", value: (r) => (r.endpointStageList || []).map((x) => x.endpointStageName).join(", ") },
      { label: "Created", value: (r) => r.createdDatetime || "", cell: (r) => fmtTime(r.createdDatetime) },
    ] }).el)];
  });

  function modelNameOf(em) {
    const m = /\/v1\/models\/([^/]+)\/predict/.exec(em.apigwResourceUri || "");
    return m ? decodeURIComponent(m[1]) : (em.model && em.model.modelName) || "";
  }
  function predictBox(appkey, stage) {
    const models = stage.endpointModelList || [];
    const pick = h("select", { "aria-label": "Model" }, models.map((em) => h("option", { value: modelNameOf(em) }, modelNameOf(em))));
    const body = h("textarea", { "aria-label": "Request body (JSON)", spellcheck: "false" }, JSON.stringify({ instances: [[6.0, 3.4, 4.5, 1.6]] }));
    const answer = h("pre", { class: "logs answer", "data-testid": "predict-answer", tabindex: "0", "aria-label": "Answer", hidden: true });
    const latency = h("p", { class: "latency", "aria-live": "polite" });
    const send = h("button", { type: "button", class: "primary", onclick: async () => {
      let doc;
      try { doc = JSON.parse(body.value); } catch (e) { latency.textContent = `The body is not valid JSON: ${e.message}`; return; }
      const t0 = performance.now();
      latency.textContent = "Sending…";
      try {
        const r = await fetch(`/admin/appkeys/${enc(appkey)}/endpoint-stages/${enc(stage.endpointStageId)}/models/${enc(pick.value)}/predict`,
          { method: "POST", credentials: "same-origin", headers: Object.assign({ "Content-Type": "application/json" }, API_HEADERS), body: JSON.stringify(doc) });
        const text = await r.text();
        const ms = performance.now() - t0;
        let shown = text;
        try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch (e) { /* not JSON */ }
        answer.textContent = shown;
        answer.hidden = false;
        const model = r.headers.get("X-EasyMaker-Model-Latency-Ms");
        latency.textContent = `HTTP ${r.status} · ${ms.toFixed(1)} ms round trip${model ? ` (model server ${model} ms)` : ""}`;
      } catch (e) { latency.textContent = `Failed: ${e.message}`; }
    } }, "Predict");
    body.addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) send.click(); });
    return card(h("h3", {}, `Predict on stage ${stage.endpointStageName}`),
      h("div", { class: "toolbar" }, h("label", {}, "Model ", pick), h("span", { class: "muted" }, "Ctrl+Enter sends")), body,
      h("div", { class: "toolbar", style: "margin-top:8px" }, send, latency), answer);
  }

  route(/^\/endpoint\/([^/]+)\/([^/]+)$/, async (appkey, id) => {
    setSection("endpoints");
    const base = `${ak(appkey)}/endpoints/${enc(id)}`;
    const e = (await api(base)).endpoint;
    const stages = e.endpointStageList || [];
    return [crumbs(link("#/endpoints", "Endpoints"), appkey), h("h1", {}, e.endpointName),
      actions("endpoint", e.endpointName, base, { back: "#/endpoints" }),
      card(kv([["Status", badge(e.endpointStatusCode)], ["Endpoint id", e.endpointId], ["Created", fmtTime(e.createdDatetime)]])),
      h("h2", {}, "Stages"),
      ...stages.map((st) => h("div", { class: "grid2" },
        card(h("h3", {}, `Stage ${st.endpointStageName}${st.isDefaultStage ? " (default)" : ""}`),
          kv([["Status", badge(st.endpointStageStatusCode)], ["Reason", st.endpointStageStatusReason], ["URL", st.apigwStageUrl], ["Instance", st.flavor && st.flavor.name]]),
          h("table", { "aria-label": `Models of stage ${st.endpointStageName}` }, h("thead", {}, h("tr", {}, h("th", {}, "Model"), h("th", {}, "Status"), h("th", {}, "Pods"))),
            h("tbody", {}, (st.endpointModelList || []).map((em) => h("tr", {}, h("td", {}, link(`#/model/${enc(appkey)}/${enc(em.modelId)}`, modelNameOf(em))), h("td", {}, badge(em.endpointModelStatusCode)), h("td", { class: "num" }, `${em.runningPodCount ?? "?"} / ${em.podCount ?? "?"}`))))),
          st.isDefaultStage ? null : actions("stage", st.endpointStageName, `${ak(appkey)}/endpoint-stages/${enc(st.endpointStageId)}`, { back: `#/endpoint/${enc(appkey)}/${enc(id)}` })),
        predictBox(appkey, st))),
      ...stages.map((st) => logPanel(appkey, st.endpointStageId, `Logs of stage ${st.endpointStageName}`))];
  });

  // batch inferences and evaluations
  function obsLink(uri) {
    const m = /^obs:\/\/[^/]+\/v1\/AUTH_([^/]+)\/([^/]+)\/?(.*)$/.exec(uri || "");
    if (!m) return uri || "—";
    const prefix = m[3] && !m[3].endsWith("/") ? m[3] + "/" : m[3];
    return link(`#/storage/${enc(m[1])}/${enc(m[2])}?prefix=${enc(prefix)}`, uri);
  }
  route(/^\/batch-inferences$/, async () => {
    setSection("batch-inferences");
    const rows = await listAll("batch-inferences", "batchInferenceList");
    return [h("h1", {}, "Batch inferences"), card(pagedTable({ label: "Batch inferences", rows, columns: [
      { label: "Name", value: (r) => r.batchInferenceName, cell: (r) => link(`#/batch/${enc(r.appKey)}/${enc(r.batchInferenceId)}`, r.batchInferenceName) },
      { label: "Appkey", value: (r) => r.appKey },
      { label: "Status", value: (r) => r.batchInferenceStatusCode, cell: (r) => badge(r.batchInferenceStatusCode) },
      { label: "Model", value: (r) => (r.model && r.model.modelName) || "" },
      { label: "Rows ok / total", num: true, value: (r) => r.success2XxCount ?? "", cell: (r) => `${r.success2XxCount ?? "—"} / ${r.inputDataCount ?? "—"}` },
      { label: "Duration", num: true, value: (r) => durationSeconds(r) ?? "", cell: (r) => fmtDuration(durationSeconds(r)) },
    ] }).el)];
  });
  route(/^\/batch\/([^/]+)\/([^/]+)$/, async (appkey, id) => {
    setSection("batch-inferences");
    const base = `${ak(appkey)}/batch-inferences/${enc(id)}`;
    const b = (await api(base)).batchInference;
    const done = () => FINAL.has(b.batchInferenceStatusCode);
    return [crumbs(link("#/batch-inferences", "Batch inferences"), appkey), h("h1", {}, b.batchInferenceName),
      actions("batch inference", b.batchInferenceName, base, { stop: true, back: "#/batch-inferences" }),
      card(h("div", {}, [["Input rows", b.inputDataCount], ["Processed", b.processCount], ["2xx", b.success2XxCount], ["4xx", b.fail4XxCount], ["5xx", b.fail5XxCount]]
        .map(([k, v]) => h("span", { class: "stat" }, h("b", {}, v ?? "—"), h("span", {}, k)))),
        kv([["Status", badge(b.batchInferenceStatusCode)], ["Reason", b.batchInferenceStatusReason], ["Model", b.model ? link(`#/model/${enc(appkey)}/${enc(b.modelId)}`, b.model.modelName) : b.modelId],
          ["Input", obsLink(b.inputDataUri)], ["Output", obsLink(b.outputUploadUri)], ["Duration", fmtDuration(durationSeconds(b))]])),
      logPanel(appkey, id)];
  });

  route(/^\/evaluations$/, async () => {
    setSection("evaluations");
    const rows = await listAll("model-evaluations", "modelEvaluationList");
    return [h("h1", {}, "Model evaluations"), card(pagedTable({ label: "Evaluations", rows, columns: [
      { label: "Name", value: (r) => r.modelEvaluationName, cell: (r) => link(`#/evaluation/${enc(r.appKey)}/${enc(r.modelEvaluationId)}`, r.modelEvaluationName) },
      { label: "Appkey", value: (r) => r.appKey },
      { label: "Status", value: (r) => r.modelEvaluationStatusCode, cell: (r) => badge(r.modelEvaluationStatusCode) },
      { label: "Objective", value: (r) => r.objectiveCode || "" },
      { label: "Model", value: (r) => (r.model && r.model.modelName) || "" },
      { label: "Key metrics", value: (r) => summaryMetrics(r).map(([k, v]) => `${k}=${v}`).join(" "), cell: (r) => h("span", { class: "chips" }, summaryMetrics(r).map(([k, v]) => h("span", { class: "chip" }, `${k}=${fmtNum(v)}`))) },
    ] }).el)];
  });
  function summaryMetrics(r) {
    return Object.entries(r.metrics || {}).filter(([, v]) => typeof v === "number").slice(0, 4);
  }
  function confusionMatrix(cm) {
    const names = (cm.annotationSpecs || []).map((a) => a.displayName || a.id);
    return h("table", { class: "cm", "aria-label": "Confusion matrix: rows are true classes, columns predicted classes" },
      h("thead", {}, h("tr", {}, h("th", {}, "true \\ predicted"), names.map((n) => h("th", { scope: "col" }, n)))),
      h("tbody", {}, (cm.rows || []).map((row, i) => h("tr", {}, h("th", { scope: "row" }, names[i] || i),
        row.map((v, j) => h("td", { style: i === j ? "font-weight:700;background:#effaf3" : (v ? "background:#fef3f2" : null) }, i === j ? `${v} ✓` : String(v)))))));
  }
  route(/^\/evaluation\/([^/]+)\/([^/]+)$/, async (appkey, id) => {
    setSection("evaluations");
    const base = `${ak(appkey)}/model-evaluations/${enc(id)}`;
    const ev = (await api(base)).modelEvaluation;
    const met = ev.metrics || {};
    const out = [crumbs(link("#/evaluations", "Evaluations"), appkey), h("h1", {}, ev.modelEvaluationName),
      actions("evaluation", ev.modelEvaluationName, base, { stop: true, back: "#/evaluations" }),
      card(kv([["Status", badge(ev.modelEvaluationStatusCode)], ["Reason", ev.modelEvaluationStatusReason], ["Objective", ev.objectiveCode], ["Model", ev.model ? link(`#/model/${enc(appkey)}/${enc(ev.modelId)}`, ev.model.modelName) : ev.modelId],
        ["Input", obsLink(ev.inputDataUri)], ["Target", ev.targetFieldName], ["Output", obsLink(ev.batchInference && ev.batchInference.outputUploadUri)]]),
        h("h3", {}, "Metrics"), kv(Object.entries(met).filter(([, v]) => typeof v === "number").map(([k, v]) => [k, fmtNum(v)])))];
    const conf = met.confidenceMetrics || [];
    if (conf.length) {
      const thresholds = conf.map((c) => c.confidenceThreshold);
      const tPick = h("select", { "aria-label": "Confidence threshold" }, thresholds.map((t) => h("option", { value: String(t) }, String(t))));
      const near = thresholds.reduce((b, t) => (Math.abs(t - 0.5) < Math.abs(b - 0.5) ? t : b), thresholds[0]);
      tPick.value = String(near);
      const cmBox = h("div");
      const drawCm = () => { const c = conf.find((x) => String(x.confidenceThreshold) === tPick.value); cmBox.replaceChildren(c && c.confusionMatrix ? confusionMatrix(c.confusionMatrix) : h("p", { class: "muted" }, "No confusion matrix."), c ? kv([["precision", fmtNum(c.precision)], ["recall", fmtNum(c.recall)], ["F1", fmtNum(c.f1Score)]]) : ""); };
      tPick.addEventListener("change", drawCm);
      drawCm();
      const roc = h("div", { class: "chart" }), pr = h("div", { class: "chart" });
      out.push(card(h("h2", {}, "Confusion matrix"), h("div", { class: "toolbar" }, h("label", {}, "Threshold ", tPick)), cmBox),
        h("div", { class: "grid2" }, card(h("h2", {}, "ROC curve"), roc), card(h("h2", {}, "Precision–recall curve"), pr)));
      setTimeout(() => {
        const r1 = conf.map((c) => [c.falsePositiveRate, c.recall]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        lineChart(roc, `ROC (AUC ${fmtNum(met.auRoc)})`, r1.map((p) => p[0]), [{ label: "true positive rate", values: r1.map((p) => p[1]) }], { xLabel: "false positive rate", yLabel: "recall" });
        const r2 = conf.map((c) => [c.recall, c.precision]).sort((a, b) => a[0] - b[0] || b[1] - a[1]);
        lineChart(pr, `PR (AUC ${fmtNum(met.auPrc)})`, r2.map((p) => p[0]), [{ label: "precision", values: r2.map((p) => p[1]) }], { xLabel: "recall", yLabel: "precision" });
      }, 0);
    } else if (ev.objectiveCode === "REGRESSION") {
      out.push(card(h("h2", {}, "Residual summary"), kv(Object.entries(met).map(([k, v]) => [k, typeof v === "object" ? JSON.stringify(v) : fmtNum(v)]))));
    }
    out.push(logPanel(appkey, id));
    return out;
  });

  // pipelines
  route(/^\/pipelines$/, async () => {
    setSection("pipelines");
    const [pipes, runs] = await Promise.all([listAll("pipelines", "pipelineList"), listAll("pipeline-runs", "pipelineRunList")]);
    return [h("h1", {}, "Pipelines"), card(pagedTable({ label: "Pipelines", rows: pipes, columns: [
      { label: "Name", value: (r) => r.pipelineName, cell: (r) => link(`#/pipeline/${enc(r.appKey)}/${enc(r.pipelineId)}`, r.pipelineName) },
      { label: "Appkey", value: (r) => r.appKey },
      { label: "Status", value: (r) => r.pipelineStatusCode, cell: (r) => badge(r.pipelineStatusCode) },
      { label: "Parameters", value: (r) => (r.pipelineParameterSpecList || []).map((p) => p.parameterName).join(" "), cell: (r) => chips(r.pipelineParameterSpecList, "parameterName", "defaultValue") },
      { label: "Created", value: (r) => r.createdDatetime || "", cell: (r) => fmtTime(r.createdDatetime) },
    ] }).el), h("h2", {}, "Runs"), card(runsTable(runs).el)];
  });
  function runsTable(runs) {
    return pagedTable({ label: "Pipeline runs", rows: runs, columns: [
      { label: "Run", value: (r) => r.pipelineRunName, cell: (r) => link(`#/run/${enc(r.appKey)}/${enc(r.pipelineRunId)}`, r.pipelineRunName) },
      { label: "Pipeline", value: (r) => (r.pipeline && r.pipeline.pipelineName) || "" },
      { label: "Status", value: (r) => r.pipelineRunStatusCode, cell: (r) => badge(r.pipelineRunStatusCode) },
      { label: "Steps", value: (r) => (r.pipelineRunStepList || []).length, num: true },
      { label: "Duration", num: true, value: (r) => durationSeconds(r) ?? "", cell: (r) => fmtDuration(durationSeconds(r)) },
      { label: "Created", value: (r) => r.createdDatetime || "", cell: (r) => fmtTime(r.createdDatetime) },
    ] });
  }
  function graphOf(spec) {
    const tasks = (((spec || {}).root || {}).dag || {}).tasks || {};
    const nodes = Object.entries(tasks).map(([name, t]) => ({ name, label: (t.taskInfo && t.taskInfo.name) || name, deps: t.dependentTasks || [] }));
    const byName = new Map(nodes.map((n) => [n.name, n]));
    const depth = (n, seen) => { if (n.d !== undefined) return n.d; if (seen.has(n.name)) return 0; seen.add(n.name); n.d = n.deps.reduce((m, d) => Math.max(m, byName.has(d) ? depth(byName.get(d), seen) + 1 : 0), 0); return n.d; };
    nodes.forEach((n) => depth(n, new Set()));
    return nodes;
  }
  function pipelineGraph(spec, steps) {
    const nodes = graphOf(spec);
    if (!nodes.length) return h("p", { class: "muted" }, "The pipeline's IR has no tasks to draw.");
    const status = new Map((steps || []).map((st) => [st.stepName, st.stepStatusCode]));
    const cols = new Map();
    nodes.forEach((n) => { const c = cols.get(n.d) || []; n.row = c.length; c.push(n); cols.set(n.d, c); });
    const BW = 170, BH = 52, GX = 70, GY = 26;
    const W = (Math.max(...nodes.map((n) => n.d)) + 1) * (BW + GX) + 20, H = Math.max(...[...cols.values()].map((c) => c.length)) * (BH + GY) + 20;
    const pos = (n) => [10 + n.d * (BW + GX), 10 + n.row * (BH + GY)];
    const svg = s("svg", { width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: "img", "data-testid": "pipeline-graph",
      "aria-label": `Pipeline graph: ${nodes.map((n) => `${n.label}${status.has(n.name) || status.has(n.label) ? ` (${status.get(n.name) || status.get(n.label)})` : ""}${n.deps.length ? ` after ${n.deps.join(", ")}` : ""}`).join("; ")}` });
    const defs = s("defs", {}, s("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, s("path", { d: "M0,0 L10,5 L0,10 z", fill: "#8b95a8" })));
    svg.append(defs);
    const byName = new Map(nodes.map((n) => [n.name, n]));
    for (const n of nodes) for (const d of n.deps) {
      const m = byName.get(d); if (!m) continue;
      const [x1, y1] = pos(m), [x2, y2] = pos(n);
      svg.append(s("path", { class: "edge", "marker-end": "url(#arrow)", d: `M${x1 + BW},${y1 + BH / 2} C${x1 + BW + GX / 2},${y1 + BH / 2} ${x2 - GX / 2},${y2 + BH / 2} ${x2},${y2 + BH / 2}` }));
    }
    for (const n of nodes) {
      const [x, y] = pos(n);
      const st = status.get(n.name) || status.get(n.label) || "";
      const c = st ? statusClass(st) : "";
      svg.append(s("g", { class: `node ${c}`, "data-step": n.name, transform: `translate(${x},${y})` },
        s("rect", { width: BW, height: BH, rx: 8 }),
        s("text", { x: 12, y: 21 }, n.label.length > 22 ? n.label.slice(0, 21) + "…" : n.label),
        s("text", { x: 12, y: 39, class: "st" }, st ? `${SYMBOL[c]} ${st}` : "not run")));
    }
    return h("div", { class: "graph" }, svg);
  }
  route(/^\/pipeline\/([^/]+)\/([^/]+)$/, async (appkey, id) => {
    setSection("pipelines");
    const base = `${ak(appkey)}/pipelines/${enc(id)}`;
    const [p, spec, runs] = await Promise.all([api(base).then((d) => d.pipeline), api(`/admin/pipelines/${enc(id)}/spec`).then((d) => d.pipelineSpec).catch(() => null),
      api(`${ak(appkey)}/pipeline-runs`).then((d) => (d.pipelineRunList || []).filter((r) => r.pipelineId === id))]);
    return [crumbs(link("#/pipelines", "Pipelines"), appkey), h("h1", {}, p.pipelineName),
      actions("pipeline", p.pipelineName, base, { back: "#/pipelines" }),
      card(kv([["Status", badge(p.pipelineStatusCode)], ["Description", p.description], ["Parameters", chips(p.pipelineParameterSpecList, "parameterName", "defaultValue")]])),
      card(h("h2", {}, "Graph"), spec ? pipelineGraph(spec, null) : h("p", { class: "muted" }, "No IR stored for this pipeline.")),
      h("h2", {}, "Runs"), card(runsTable(runs.map((r) => Object.assign({ appKey: appkey }, r))).el)];
  });
  route(/^\/run\/([^/]+)\/([^/]+)$/, async (appkey, id) => {
    setSection("pipelines");
    const base = `${ak(appkey)}/pipeline-runs/${enc(id)}`;
    let r = (await api(base)).pipelineRun;
    const spec = await api(`/admin/pipelines/${enc(r.pipelineId)}/spec`).then((d) => d.pipelineSpec).catch(() => null);
    const graphBox = h("div");
    const statusBox = h("span");
    const steps = pagedTable({ label: "Steps", rows: [], noFilter: true, columns: [
      { label: "Step", value: (x) => x.stepName },
      { label: "Status", value: (x) => x.stepStatusCode, cell: (x) => badge(x.stepStatusCode) },
      { label: "Started", value: (x) => x.startedDatetime || "", cell: (x) => fmtTime(x.startedDatetime) },
      { label: "Finished", value: (x) => x.finishedDatetime || "", cell: (x) => fmtTime(x.finishedDatetime) },
      { label: "Outputs", value: (x) => JSON.stringify(x.outputParameters || {}) },
    ] });
    function paint() {
      statusBox.replaceChildren(badge(r.pipelineRunStatusCode));
      graphBox.replaceChildren(spec ? pipelineGraph(spec, r.pipelineRunStepList) : h("p", { class: "muted" }, "No IR stored for this run's pipeline."));
      steps.setRows(r.pipelineRunStepList || []);
    }
    paint();
    const done = () => FINAL.has(r.pipelineRunStatusCode);
    every(async () => { if (!done()) { r = (await api(base)).pipelineRun; paint(); } }, 1500);
    return [crumbs(link("#/pipelines", "Pipelines"), appkey, r.pipeline ? link(`#/pipeline/${enc(appkey)}/${enc(r.pipelineId)}`, r.pipeline.pipelineName) : ""), h("h1", {}, r.pipelineRunName),
      actions("pipeline run", r.pipelineRunName, base, { stop: true, back: "#/pipelines" }),
      card(kv([["Status", statusBox], ["Reason", r.pipelineRunStatusReason], ["Parameters", chips(r.parameterList, "parameterName", "parameterValue")], ["Duration", fmtDuration(durationSeconds(r))]])),
      card(h("h2", {}, "Graph"), graphBox), h("h2", {}, "Steps"), card(steps.el), logPanel(appkey, id)];
  });

  route(/^\/schedules$/, async () => {
    setSection("schedules");
    const rows = await listAll("pipeline-recurring-runs", "pipelineRecurringRunList");
    const next = new Map();
    await Promise.all(rows.map(async (r) => {
      try { next.set(r.pipelineRecurringRunId, (await api(`/admin/appkeys/${enc(r.appKey)}/pipeline-recurring-runs/${enc(r.pipelineRecurringRunId)}/next-triggers`)).nextTriggerDatetimeList || []); }
      catch (e) { next.set(r.pipelineRecurringRunId, []); }
    }));
    return [h("h1", {}, "Schedules"), card(pagedTable({ label: "Recurring runs", rows, columns: [
      { label: "Name", value: (r) => r.pipelineRecurringRunName },
      { label: "Appkey", value: (r) => r.appKey },
      { label: "Status", value: (r) => r.pipelineRecurringRunStatusCode, cell: (r) => badge(r.pipelineRecurringRunStatusCode) },
      { label: "Schedule", value: (r) => r.cronExpression || r.periodicSchedule || r.intervalSecond || "" },
      { label: "Next triggers", value: (r) => (next.get(r.pipelineRecurringRunId) || []).join(" "), cell: (r) => { const l = next.get(r.pipelineRecurringRunId) || []; return l.length ? h("span", {}, l.slice(0, 3).map((t, i) => [i ? ", " : "", fmtTime(t)])) : h("span", { class: "muted" }, "none"); } },
      { label: "Runs", value: (r) => (r.pipelineRunList || []).length, num: true },
      { label: "Actions", cell: (r) => actions("schedule", r.pipelineRecurringRunName, `${ak(r.appKey)}/pipeline-recurring-runs/${enc(r.pipelineRecurringRunId)}`, { stop: true, after: () => render() }) },
    ] }).el)];
  });

  // Object Storage browser (Swift API of this server, with a token from the API's iaas-token operation)
  let swiftToken = null;
  async function swift(path, opts) {
    if (!swiftToken) {
      const a = selectedAppkeys()[0] || "console";
      swiftToken = (await api(`/token/v1.0/appkeys/${enc(a)}/groups/console/iaas-token`)).access.token.id;
    }
    const o = Object.assign({ credentials: "same-origin" }, opts || {});
    o.headers = Object.assign({ "X-Auth-Token": swiftToken }, o.headers || {});
    const r = await fetch(path, o);
    if (r.status === 401) { swiftToken = null; }
    if (!r.ok && r.status !== 404) throw new ApiError(r.status, `Object Storage answered HTTP ${r.status}: ${(await r.text()).slice(0, 200)}`);
    return r;
  }
  route(/^\/storage$/, async () => {
    setSection("storage");
    const tenants = (await api("/admin/object-store/tenants")).tenantList || [];
    const out = [h("h1", {}, "Object Storage")];
    for (const t of tenants) {
      const r = await swift(`/v1/AUTH_${enc(t)}?format=json`);
      const cs = r.status === 200 ? await r.json() : [];
      out.push(card(h("h2", {}, `AUTH_${t}`), pagedTable({ label: `Containers of AUTH_${t}`, rows: cs, columns: [
        { label: "Container", value: (c) => c.name, cell: (c) => link(`#/storage/${enc(t)}/${enc(c.name)}?prefix=`, c.name) },
        { label: "Objects", value: (c) => c.count ?? "", num: true, cell: (c) => (c.count === undefined ? "—" : Number(c.count).toLocaleString()) },
      ] }).el));
    }
    if (!tenants.length) out.push(card(h("p", { class: "empty" }, "No containers yet.")));
    return out;
  });
  route(/^\/storage\/([^/]+)\/([^/?]+)\?prefix=(.*)$/, async (tenant, container, prefix) => {
    setSection("storage");
    tenant = decodeURIComponent(tenant); container = decodeURIComponent(container); prefix = decodeURIComponent(prefix);
    const base = `/v1/AUTH_${enc(tenant)}/${enc(container)}`;
    const listing = [];
    let marker = "";
    for (let i = 0; i < 20; i++) {
      const r = await swift(`${base}?${new URLSearchParams({ format: "json", delimiter: "/", prefix, marker, limit: "1000" })}`);
      const items = r.status === 200 ? await r.json() : [];
      listing.push(...items);
      if (items.length < 1000) break;
      marker = items[items.length - 1].name || items[items.length - 1].subdir;
    }
    const up = [];
    const parts = prefix.split("/").filter(Boolean);
    parts.forEach((p, i) => up.push(" / ", link(`#/storage/${enc(tenant)}/${enc(container)}?prefix=${enc(parts.slice(0, i + 1).join("/") + "/")}`, p)));
    const file = h("input", { type: "file", multiple: true, "aria-label": "Files to upload" });
    const upload = h("button", { type: "button", class: "primary", onclick: async () => {
      for (const f of file.files) {
        try { await swift(`${base}/${prefix.split("/").map(enc).join("/")}${enc(f.name)}`, { method: "PUT", body: f }); }
        catch (e) { showNotice(`Upload of ${f.name} failed: ${e.message}`); return; }
      }
      showNotice(`Uploaded ${file.files.length} file(s).`, "info");
      render();
    } }, "Upload");
    async function download(name) {
      const r = await swift(`${base}/${name.split("/").map(enc).join("/")}`);
      const blob = await r.blob();
      const a = h("a", { href: URL.createObjectURL(blob), download: name.split("/").pop() });
      document.body.append(a); a.click(); a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    }
    return [crumbs(link("#/storage", "Object Storage"), `AUTH_${tenant}`), h("h1", {}, [link(`#/storage/${enc(tenant)}/${enc(container)}?prefix=`, container), ...up]),
      card(h("div", { class: "toolbar" }, file, upload, h("span", { class: "muted" }, `to ${container}/${prefix}`))),
      card(pagedTable({ label: "Objects", rows: listing, columns: [
        { label: "Name", value: (o) => o.subdir || o.name, cell: (o) => (o.subdir ? link(`#/storage/${enc(tenant)}/${enc(container)}?prefix=${enc(o.subdir)}`, `📁 ${o.subdir.slice(prefix.length)}`) : o.name.slice(prefix.length)) },
        { label: "Size", value: (o) => o.bytes ?? "", num: true, cell: (o) => (o.subdir ? "—" : Number(o.bytes).toLocaleString()) },
        { label: "Modified", value: (o) => o.last_modified || "", cell: (o) => (o.last_modified ? fmtTime(o.last_modified + "Z") : "—") },
        { label: "", nosort: true, cell: (o) => (o.subdir ? "" : h("button", { type: "button", onclick: () => download(o.name).catch((e) => showNotice(e.message)) }, "Download")) },
      ] }).el)];
  });

  // ------------------------------------------------------------------------------------------------ router
  async function render() {
    timers.forEach(clearInterval);
    timers = [];
    aborters.forEach((c) => c.abort());
    aborters = [];
    const my = ++navToken;
    await loadAppkeys();
    if (my !== navToken) return;
    const path = location.hash.replace(/^#/, "") || "/";
    for (const [re, fn] of routes) {
      const m = re.exec(path);
      if (!m) continue;
      if (!view.firstChild) view.replaceChildren(loading());
      try {
        const nodes = await fn(...m.slice(1).map(decodeURIComponent));
        if (my !== navToken) return;
        view.replaceChildren(...[].concat(nodes));
        document.title = `${(view.querySelector("h1") || {}).textContent || "Console"} · EasyMaker Local`;
      } catch (e) {
        if (my !== navToken) return;
        view.replaceChildren(errorBox(e));
      }
      return;
    }
    view.replaceChildren(h("h1", {}, "Not found"), h("p", {}, "No such page. ", link("#/", "Back to the experiments")));
  }
  window.addEventListener("hashchange", () => { if (keepNotice) keepNotice = false; else showNotice(""); render().then(() => view.focus({ preventScroll: true })); });
  appkeySelect.addEventListener("change", () => { swiftToken = null; render(); });

  // the appkeys that hold resources, read again on every page change (new ones appear as work is created)
  async function loadAppkeys() {
    try {
      appkeys = (await api("/admin/appkeys")).appkeyList || [];
      const cur = appkeySelect.value;
      appkeySelect.replaceChildren(h("option", { value: "" }, "All appkeys"), ...appkeys.map((a) => h("option", { value: a.appkey }, a.appkey)));
      appkeySelect.value = appkeys.some((a) => a.appkey === cur) ? cur : "";
    } catch (e) { showNotice(`Could not list appkeys: ${e.message}`); }
  }
  render();
})();
