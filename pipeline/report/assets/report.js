/* docketflow review page: filters, paged tables and the lazy document viewer, over the embedded JSON. */
(() => {
  "use strict";
  const DATA = JSON.parse(document.getElementById("report-data").textContent);
  const PAGE = 50;
  const $ = (sel, el = document) => el.querySelector(sel);
  const $$ = (sel, el = document) => [...el.querySelectorAll(sel)];
  const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const human = (s) => (s ? String(s).replace(/_/g, " ") : "");

  const NAMES = DATA.names || { agencies: {}, courts: {}, families: {} };
  const agencyName = (k) => NAMES.agencies[k] || k;
  const courtName = (c) => NAMES.courts[c] || c;
  /* an agency and its department: choosing DHS in the agency filter (or its box in the network) shows ICE's rows */
  const withFamilies = (keys) => [...new Set((keys || []).flatMap((k) => (k ? [k, NAMES.families[k] || k] : [])))];
  const holdings = new Map(DATA.holdings.map((h) => [h.id, h]));
  const agreements = new Map(DATA.agreements.map((a) => [a.id, a]));
  const cases = new Map((DATA.cases || []).map((c) => [c.id, c]));
  const decisions = new Map((DATA.cases || []).flatMap((c) => c.decisions.map((d) => [d.id, [c, d]])));
  const anchors = new Map();       // evidence anchor -> [record, evidence index]
  const docRecords = new Map();    // document index -> records with evidence in it
  for (const r of [...DATA.holdings, ...DATA.agreements]) {
    r.ev.forEach((ev, i) => {
      anchors.set(ev[1], [r, i]);
      if (!docRecords.has(ev[0])) docRecords.set(ev[0], new Set());
      docRecords.get(ev[0]).add(r);
    });
  }

  /* ---- filters ---------------------------------------------------------------------------------- */
  const facets = {
    holding: (h) => ({ agency: withFamilies(h.agencies), court: [h.court], effect: [h.effect],
      category: [...h.data_permitted, ...h.data_barred] }),
    agreement: (a) => {
      const rulings = a.rulings.map((id) => holdings.get(id)).filter(Boolean);
      return { agency: withFamilies([...a.providers, ...a.recipients]), court: rulings.map((h) => h.court),
        effect: rulings.map((h) => h.effect), category: a.data_categories };
    },
  };
  const prepare = (rows, kind) => rows.forEach((r) => {
    r._f = facets[kind](r);
    r._q = JSON.stringify([r.judge, r.case_name, r.docket, r.statutes, r.legal_basis, r.instrument, r.purpose,
      r.motion, r.disposition, r.status, r.id]).toLowerCase();
  });
  prepare(DATA.holdings, "holding");
  prepare(DATA.agreements, "agreement");
  /* cases are rendered with the page; the filters hide the entries they leave out */
  for (const c of DATA.cases || []) {
    c._f = { agency: withFamilies(c.agencies), court: c.courts, effect: c.effects, category: c.cats };
    c._q = JSON.stringify([c.name, c.dockets, c.judges, c.decisions.map((d) => [d.motion, d.disposition]), c.id])
      .toLowerCase();
  }
  const state = { agency: "", court: "", effect: "", category: "", q: "" };
  const matches = (r) => ["agency", "court", "effect", "category"].every((k) => !state[k] || r._f[k].includes(state[k]))
    && (!state.q || r._q.includes(state.q));

  function fillSelects() {
    for (const key of ["agency", "court", "effect", "category"]) {
      const counts = new Map();
      for (const r of [...DATA.agreements, ...DATA.holdings]) {
        for (const v of new Set(r._f[key])) if (v) counts.set(v, (counts.get(v) || 0) + 1);
      }
      const named = key === "agency" ? agencyName : key === "court" ? courtName : human;
      const options = [...counts.keys()].sort().map((v) => {
        const name = named(v);
        return `<option value="${esc(v)}">${esc(v)}${name && name !== v ? ` · ${esc(name)}` : ""} (${counts.get(v)})</option>`;
      });
      $(`select[data-filter="${key}"]`).innerHTML = `<option value="">All</option>${options.join("")}`;
    }
  }

  function dimCharts() {
    const test = (el) => {
      const d = el.dataset;
      return (!state.agency || withFamilies((d.agencies ?? d.agency ?? "").split(" ")).includes(state.agency))
        && (!state.category || d.cats === undefined || d.cats.split(" ").includes(state.category))
        && (!state.court || d.court === undefined || d.court === state.court)
        && (!state.effect || d.effect === undefined || d.effect === state.effect);
    };
    $$(".network .edge, .timeline .dot").forEach((el) => el.classList.toggle("dim", !test(el)));
    $$(".network .node").forEach((el) => el.classList.toggle("on", !!state.agency
      && (el.dataset.agency === state.agency || el.dataset.members.split(" ").includes(state.agency))));
  }

  function applyFilters() {
    const a = DATA.agreements.filter(matches);
    const h = DATA.holdings.filter(matches);
    tables.agreements.set(a);
    tables.holdings.set(h);
    counter("agreements", a.length, DATA.agreements.length);
    counter("holdings", h.length, DATA.holdings.length);
    if (DATA.cases && $("#cases")) {
      let shown = 0;
      for (const c of DATA.cases) {
        const el = document.getElementById(`case-${c.id}`);
        const on = matches(c);
        shown += on;
        if (el) el.hidden = !on;
      }
      counter("cases", shown, DATA.cases.length);
    }
    $$("#filters select").forEach((s) => s.classList.toggle("set", !!s.value));
    dimCharts();
  }
  const counter = (name, shown, total) => {
    $(`[data-count="${name}"]`).textContent = shown === total ? `${total}` : `${shown} of ${total}`;
  };
  function setFilter(key, value) {
    state[key] = value;
    const input = $(`[data-filter="${key}"]`);
    if (input.value !== value) input.value = value;
    applyFilters();
  }

  /* ---- tables ----------------------------------------------------------------------------------- */
  /* Every column sorts (click its header; again for the other direction): numbers as numbers, dates as dates
     (ISO strings, so "2031-05" sorts before "2031-05-20"), text as text with numbers in it read as numbers;
     empty cells go last either way. "Download CSV" saves the rows the filters leave, in the order shown,
     as flat fields (ids and names) rather than what the cells draw. */
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
  const blank = (v) => v == null || v === "" || (typeof v === "number" && Number.isNaN(v));
  function compare(a, b, type) {
    if (type === "num") return Number(a) - Number(b);
    if (type === "date") return a < b ? -1 : a > b ? 1 : 0;
    return collator.compare(String(a), String(b));
  }
  const csvCell = (v) => {
    let s = Array.isArray(v) ? v.filter((x) => x != null && x !== "").join("; ") : String(v ?? "");
    if (/^[=+@\t\r]|^-[^\d]/.test(s)) s = `'${s}`;   // not a formula when a spreadsheet opens it
    return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  class Table {
    constructor(name, columns, empty, rowId = null, exportFields = []) {
      this.name = name;
      this.el = $(`[data-table="${name}"]`);
      this.rowId = rowId;
      this.columns = columns;
      this.empty = empty;
      this.exportFields = exportFields;
      this.rows = [];
      this.page = 0;
      this.sortBy = null;
      this.dir = 1;
      this.el.addEventListener("click", (e) => {
        const b = e.target.closest("button[data-page]");
        if (b) { this.page += Number(b.dataset.page); this.render(); }
        const th = e.target.closest("button[data-sort]");
        if (th) this.sort(Number(th.dataset.sort));
        if (e.target.closest("button[data-csv]")) this.download();
      });
    }
    set(rows) { this.rows = this.sorted(rows); this.page = 0; this.render(); }
    sort(i) {
      this.dir = this.sortBy === i ? -this.dir : 1;
      this.sortBy = i;
      this.rows = this.sorted(this.rows);
      this.page = 0;
      this.render();
    }
    sorted(rows) {
      const col = this.columns[this.sortBy];
      if (!col) return rows;
      const keyed = rows.map((r, i) => [col.sort(r), i, r]);
      keyed.sort((x, y) => {
        const bx = blank(x[0]), by = blank(y[0]);
        if (bx || by) return bx - by || x[1] - y[1];
        return this.dir * compare(x[0], y[0], col.type) || x[1] - y[1];
      });
      return keyed.map((k) => k[2]);
    }
    csv() {
      const lines = [this.exportFields.map(([label]) => csvCell(label)).join(",")];
      for (const r of this.rows) lines.push(this.exportFields.map(([, get]) => csvCell(get(r))).join(","));
      return `${lines.join("\r\n")}\r\n`;
    }
    download() {
      const url = URL.createObjectURL(new Blob(["\ufeff", this.csv()], { type: "text/csv;charset=utf-8" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = `${this.name}.csv`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    }
    render() {
      const pages = Math.max(1, Math.ceil(this.rows.length / PAGE));
      this.page = Math.min(Math.max(this.page, 0), pages - 1);
      if (!this.rows.length) { this.el.innerHTML = `<p class="empty">${this.empty}</p>`; return; }
      const slice = this.rows.slice(this.page * PAGE, (this.page + 1) * PAGE);
      const head = this.columns.map((c, i) => {
        const on = this.sortBy === i;
        const aria = on ? ` aria-sort="${this.dir > 0 ? "ascending" : "descending"}"` : "";
        return `<th${aria} class="${c.cls || ""}"><button type="button" class="sort${on ? " on" : ""}" data-sort="${i}" ` +
          `title="Sort by ${esc(c.label.toLowerCase())}">${c.label}<i>${on ? (this.dir > 0 ? "▲" : "▼") : "↕"}</i></button></th>`;
      }).join("");
      const body = slice.map((r) => `<tr${this.rowId ? ` id="${esc(this.rowId(r))}"` : ""}>${this.columns.map((c) => `<td class="${c.cls || ""}">${c.html(r)}</td>`).join("")}</tr>`);
      const first = this.page * PAGE + 1;
      const pager = pages > 1 ? `<div class="pager"><span>${first}–${first + slice.length - 1} of ${this.rows.length}</span>
        <button type="button" data-page="-1" ${this.page ? "" : "disabled"}>‹ Previous</button>
        <span>page ${this.page + 1} of ${pages}</span>
        <button type="button" data-page="1" ${this.page < pages - 1 ? "" : "disabled"}>Next ›</button></div>` : "";
      const n = this.rows.length;
      const tools = this.exportFields.length ? `<div class="table-tools"><button type="button" data-csv ` +
        `title="The ${n} row${n === 1 ? "" : "s"} the filters leave, in this order">Download CSV (${n} row${n === 1 ? "" : "s"})</button></div>` : "";
      this.el.innerHTML = `${tools}<table><thead><tr>${head}</tr></thead><tbody>${body.join("")}</tbody></table>${pager}`;
    }
  }

  const chips = (xs, cls = "") => (xs || []).map((x) => {
    const meaning = (NAMES.categories || {})[x];
    return `<span class="chip ${cls}"${meaning ? ` title="${esc(meaning)}"` : ""}>${esc(human(x))}</span>`;
  }).join("");
  const badge = (kind, value) => `<span class="badge ${kind}-${value || "none"}">${esc(human(value) || "—")}</span>`;
  const evLinks = (r) => `<span class="ev-links">${r.ev.map((ev, i) =>
    `<a href="#${esc(ev[1])}" title="${esc(ev[2])}">${i + 1}</a>`).join("")}</span>`;
  const conf = (r) => (r.confidence == null ? "" : Number(r.confidence).toFixed(2));
  const docLink = (i, label) => (i >= 0 ? `<a href="#doc-${i}">${esc(label)}</a>` : esc(label));

  const term = (a) => (a.effective || a.expires
    ? `<div class="sub">${esc(a.effective || "?")} – ${esc(a.expires || "")}</div>` : "");
  /* agency keys, each with its name on hover; and the names themselves, when the records or gazetteer give any */
  const keys = (xs) => (xs.length ? xs.map((k) => (agencyName(k) !== k
    ? `<abbr title="${esc(agencyName(k))}">${esc(k)}</abbr>` : esc(k))).join(", ") : "?");
  const names = (xs) => xs.map(agencyName).join(", ");
  const flow = (a) => {
    const named = [...a.providers, ...a.recipients].some((k) => agencyName(k) !== k);
    return `<span class="flow">${keys(a.providers)}<span class="arrow">→</span>${keys(a.recipients)}</span>` +
      (named ? `<div class="sub names">${esc(names(a.providers) || "?")} → ${esc(names(a.recipients) || "?")}</div>` : "");
  };
  const court = (c) => (c ? `<code title="${esc(courtName(c))}">${esc(c)}</code>` : '<span class="sub">court not stated</span>');
  const courtCell = (c) => (!c ? '<span class="sub">court not stated</span>'
    : courtName(c) !== c ? `${esc(courtName(c))} <code>${esc(c)}</code>` : `<code>${esc(c)}</code>`);
  /* the decision a history entry names, linked to its place in the cases section */
  const decisionLink = (id) => {
    if (!id) return "";
    const hit = decisions.get(id);
    if (!hit) return `<div class="dec sub">decision ${esc(id)}</div>`;
    const [c, d] = hit;
    const what = [human(d.motion), human(d.disposition)].filter(Boolean).join(" ");
    return `<div class="dec">⚖ <a href="#decision-${esc(id)}" title="${esc([c.name, ...c.dockets, what].filter(Boolean).join(" · "))}">` +
      `${esc(c.name || c.dockets[0] || "decision")}${what ? `: ${esc(what)}` : ""}</a></div>`;
  };
  /* an agreement's history as a small timeline: one entry per decision (never two, however many documents
     report it), its history oldest first, then rulings on it that state no effect; built by the page's writer */
  const timeline = (a) => {
    const items = (a.hist || []).map((e) => {
      const h = holdings.get(e.holding);
      return `<li class="eff-${esc(e.effect || "none")}" data-decision="${esc(e.decision || "")}">` +
        `<a href="#${esc(h?.ev[0]?.[1] || "")}">${esc(e.date || "undated")}</a> ${court(e.court)} ` +
        `${badge("eff", e.effect)}${decisionLink(e.decision)}</li>`;
    });
    return items.length ? `<ol class="hist">${items.join("")}</ol>` : "";
  };
  const latest = (a) => (a.hist || []).map((e) => e.date).filter(Boolean).sort().pop();
  const sources = (a) => a.sources.map((i) => {
    const d = DATA.docs[i];
    return d ? `<div>${docLink(i, d.title || d.path)} <span class="sub">${esc(human(d.kind))}</span></div>` : "";
  }).join("");
  const docPath = (i) => DATA.docs[i]?.path || "";
  const caseOf = (h) => cases.get(h.case);

  const tables = {
    agreements: new Table("agreements", [
      { label: "Flow", html: flow, sort: (a) => `${a.providers.join(", ")} → ${a.recipients.join(", ")}` },
      { label: "Data categories", html: (a) => chips(a.data_categories), sort: (a) => a.data_categories.join(", ") },
      { label: "Instrument", html: (a) => `${esc(human(a.instrument) || "—")}<div class="sub">${esc(human(a.purpose))}</div>`,
        sort: (a) => human(a.instrument) },
      { label: "Status", html: (a) => `${badge("st", a.status)}${term(a)}`, sort: (a) => human(a.status) },
      { label: "Signed", cls: "num", type: "date", html: (a) => esc(a.signed || "—"), sort: (a) => a.signed },
      { label: "Legal basis", html: (a) => esc(a.legal_basis.join("; ")), sort: (a) => a.legal_basis.join("; ") },
      { label: "History", type: "date", html: timeline, sort: latest },
      { label: "Sources", type: "num", html: sources, sort: (a) => a.sources.length },
      { label: "Evidence", type: "num", html: evLinks, sort: (a) => a.ev.length },
      { label: "Conf.", cls: "num", type: "num", html: conf, sort: (a) => a.confidence },
    ], "No agreements match the filters.", (a) => `agreement-${a.id}`, [
      ["id", (a) => a.id], ["providers", (a) => a.providers], ["provider names", (a) => a.providers.map(agencyName)],
      ["recipients", (a) => a.recipients], ["recipient names", (a) => a.recipients.map(agencyName)],
      ["data categories", (a) => a.data_categories], ["instrument", (a) => a.instrument], ["purpose", (a) => a.purpose],
      ["status", (a) => a.status], ["signed", (a) => a.signed], ["effective", (a) => a.effective],
      ["expires", (a) => a.expires], ["legal basis", (a) => a.legal_basis],
      ["decisions", (a) => (a.hist || []).map((e) => [e.date || "undated", e.court || "court not stated", e.effect || "effect not stated"].join(" "))],
      ["latest decision", latest], ["sources", (a) => a.sources.map(docPath)], ["confidence", (a) => a.confidence],
    ]),
    holdings: new Table("holdings", [
      { label: "Decided", cls: "num", type: "date", html: (h) => esc(h.decided || "—"), sort: (h) => h.decided },
      { label: "Court", html: (h) => `${courtCell(h.court)}<div class="sub">${esc(h.judge || "")}</div>`,
        sort: (h) => (h.court ? courtName(h.court) : "") },
      { label: "Case", html: (h) => {
        const c = caseOf(h);
        const name = esc(h.case_name || c?.name || "");
        return `${c ? `<a href="#case-${esc(c.id)}">${name || "case"}</a>` : name}<div class="sub">${esc(h.docket || "")}</div>`;
      }, sort: (h) => h.case_name || caseOf(h)?.name || h.docket },
      { label: "Decision", html: (h) => `${esc(human(h.motion) || "—")}<div class="sub">${esc(human(h.disposition))}</div>`,
        sort: (h) => [human(h.motion), human(h.disposition)].filter(Boolean).join(" ") },
      { label: "Effect", html: (h) => badge("eff", h.effect), sort: (h) => h.effect },
      { label: "Agencies", html: (h) => keys(h.agencies), sort: (h) => h.agencies.join(", ") },
      { label: "Data", type: "num", html: (h) => chips(h.data_permitted) + chips(h.data_barred, "barred"),
        sort: (h) => h.data_permitted.length + h.data_barred.length },
      { label: "Statutes", html: (h) => esc(h.statutes.join("; ")), sort: (h) => h.statutes.join("; ") },
      { label: "Evidence", type: "num", html: evLinks, sort: (h) => h.ev.length },
      { label: "Conf.", cls: "num", type: "num", html: conf, sort: (h) => h.confidence },
    ], "No holdings match the filters.", null, [
      ["id", (h) => h.id], ["decided", (h) => h.decided], ["court", (h) => h.court],
      ["court name", (h) => (h.court ? courtName(h.court) : "")], ["judge", (h) => h.judge],
      ["case name", (h) => h.case_name || caseOf(h)?.name], ["docket", (h) => h.docket], ["motion", (h) => h.motion],
      ["disposition", (h) => h.disposition], ["effect", (h) => h.effect], ["agencies", (h) => h.agencies],
      ["agency names", (h) => h.agencies.map(agencyName)], ["data permitted", (h) => h.data_permitted],
      ["data barred", (h) => h.data_barred], ["statutes", (h) => h.statutes], ["agreement", (h) => h.agreement],
      ["decision", (h) => h.decision], ["case", (h) => h.case], ["document", (h) => docPath(h.ev[0]?.[0])],
      ["confidence", (h) => h.confidence],
    ]),
    documents: new Table("documents", [
      { label: "Document", html: (d) => `${docLink(d.i, d.title || d.path)}${d.title ? `<div class="sub">${esc(d.path)}</div>` : ""}`,
        sort: (d) => d.title || d.path },
      { label: "Kind", html: (d) => esc(human(d.kind)), sort: (d) => human(d.kind) },
      { label: "Date", cls: "num", type: "date", html: (d) => esc(d.date || ""), sort: (d) => d.date },
      { label: "Entities", cls: "num", type: "num", html: (d) => d.ents, sort: (d) => d.ents },
      { label: "Records", cls: "num", type: "num", html: (d) => `${d.h.length} holdings · ${d.a.length} agreements`,
        sort: (d) => d.h.length + d.a.length },
      { label: "Warnings", html: (d) => esc(d.w.join("; ")), sort: (d) => d.w.join("; ") },
      { label: "Text", html: (d) => (d.text ? "" : '<span class="sub">omitted</span>'), sort: (d) => (d.text ? "" : "omitted") },
    ], "No documents match.", null, [
      ["doc_id", (d) => d.id], ["path", (d) => d.path], ["title", (d) => d.title], ["kind", (d) => d.kind],
      ["date", (d) => d.date], ["pages", (d) => d.pages], ["characters", (d) => d.chars], ["entities", (d) => d.ents],
      ["holdings", (d) => d.h.length], ["agreements", (d) => d.a.length], ["warnings", (d) => d.w],
    ]),
    issues: new Table("issues", [
      { label: "Type", html: (r) => `<span class="issue-${r.type}">${r.type}</span>`, sort: (r) => r.type },
      { label: "Input", html: (r) => docLink(r.doc, r.path), sort: (r) => r.path },
      { label: "Stage", html: (r) => esc([r.stage, r.error].filter(Boolean).join(" · ")),
        sort: (r) => [r.stage, r.error].filter(Boolean).join(" · ") },
      { label: "Message", html: (r) => esc(r.message), sort: (r) => r.message },
    ], "No errors and no warnings.", null, [
      ["type", (r) => r.type], ["path", (r) => r.path], ["stage", (r) => r.stage], ["error", (r) => r.error],
      ["message", (r) => r.message],
    ]),
  };

  DATA.docs.forEach((d, i) => { d.i = i; d._q = `${d.path} ${d.title || ""}`.toLowerCase(); });
  function filterDocs() {
    const q = $("#doc-search").value.trim().toLowerCase();
    const kind = $("#doc-kind").value;
    const rows = DATA.docs.filter((d) => (!q || d._q.includes(q)) && (!kind || d.kind === kind));
    tables.documents.set(rows);
    counter("documents", rows.length, DATA.docs.length);
  }

  /* ---- document viewer -------------------------------------------------------------------------- */
  const viewer = $("#viewer");
  let current = null;   // [document index, text payload or null]

  /* Reflow: a line break between two lines that both hold text becomes a space, so hard-wrapped text reads
     as paragraphs; a blank line stays a paragraph break, a line that starts indented starts a new one, and
     captions, stamps and signatures keep their lines. One character for one, so every offset (entities,
     evidence, parts) still points where it did. */
  const KEEP_LINES = new Set(["caption", "stamp", "signature"]);
  let reflowOn = true;
  function reflow(p) {
    const t = p.text;
    if (!reflowOn || !t.includes("\n")) return t;
    const keep = (p.parts || []).filter((part) => KEEP_LINES.has(part[2]));
    const out = t.split("");
    let lineStart = 0;
    for (let i = t.indexOf("\n"); i >= 0; i = t.indexOf("\n", i + 1)) {
      const prev = t.slice(lineStart, i);
      lineStart = i + 1;
      const next = t[i + 1];
      if (!prev.trim() || next === undefined || /\s/.test(next)) continue;
      if (keep.some((part) => part[0] <= i && i < part[1])) continue;
      out[i] = " ";
    }
    return out.join("");
  }

  function textHtml(p) {
    const t = reflow(p);
    const parts = p.parts || [];
    const cuts = new Set([0, t.length]);
    for (const s of [...p.ents, ...p.marks, ...parts]) { cuts.add(s[0]); cuts.add(s[1]); }
    const points = [...cuts].filter((x) => x >= 0 && x <= t.length).sort((a, b) => a - b);
    const startsAt = new Map();
    p.marks.forEach((m, k) => startsAt.set(m[0], [...(startsAt.get(m[0]) || []), k]));
    const out = [];
    let ei = 0;
    for (let s = 0; s < points.length - 1; s++) {
      const a = points[s], b = points[s + 1];
      parts.forEach((part, k) => { if (part[0] === a) out.push(`<span class="part" id="part-${k}" data-part="${esc(human(part[2]))}"></span>`); });
      for (const k of startsAt.get(a) || []) out.push(`<span class="anchor" id="${esc(p.marks[k][2])}"></span>`);
      while (ei < p.ents.length && p.ents[ei][1] <= a) ei++;
      const ent = ei < p.ents.length && p.ents[ei][0] <= a ? p.ents[ei] : null;
      let html = esc(t.slice(a, b));
      if (ent) {
        const tag = b === ent[1] ? ` data-tag="${esc(human(ent[2]))}"` : "";
        html = `<span class="ent ent-${esc(ent[2])}"${tag} title="${esc(`${ent[2]} · ${ent[3] ?? ""}`)}">${html}</span>`;
      }
      const on = [];
      p.marks.forEach((m, k) => { if (m[0] <= a && m[1] >= b) on.push(k); });
      if (on.length) html = `<mark data-m="${on.join(" ")}">${html}</mark>`;
      out.push(html);
    }
    return out.join("");
  }

  function recordLine(r, i) {
    const own = r.ev.map((ev, k) => [ev, k]).filter(([ev]) => ev[0] === i);
    const links = own.map(([ev, k]) => `<a href="#${esc(ev[1])}" title="${esc(ev[2])}">${k + 1}</a>`).join("");
    const what = holdings.has(r.id)
      ? `<b>Holding</b> ${court(r.court)} ${esc(r.decided || "")} ${badge("eff", r.effect)} ${esc(human(r.disposition))}`
      : `<b>Agreement</b> ${keys(r.providers)} → ${keys(r.recipients)} ${badge("st", r.status)}`;
    return [`<div class="rec">${what} <span class="ev-links">${links}</span></div>`, own];
  }

  function openDoc(i) {
    viewer.hidden = false;
    if (current && current[0] === i) return current[1];
    const d = DATA.docs[i] || { title: "Document not in this output", path: "", w: [], text: false };
    const el = document.getElementById(`text-${i}`);
    const payload = el ? JSON.parse(el.textContent) : null;
    $("#viewer-title").textContent = d.title || d.path;
    $("#viewer-meta").textContent = [d.path, human(d.kind), d.date, d.pages && `${d.pages} pages`,
      d.chars != null && `${d.chars.toLocaleString()} characters`, ...d.w.map((w) => `⚠ ${w}`)].filter(Boolean).join(" · ");
    const labels = new Map();
    for (const e of payload?.ents || []) labels.set(e[2], (labels.get(e[2]) || 0) + 1);
    $("#viewer-legend").innerHTML = [...labels].sort().map(([l, n]) =>
      `<label class="ent ent-${esc(l)}" data-label="${esc(l)}" title="Click to hide or show ${esc(l)}">${esc(human(l))} ${n}</label>`).join("");
    /* the court document's parts (caption, title, author line, separate opinions, decision...), each a jump */
    $("#viewer-structure").innerHTML = (payload?.parts || []).map((part, k) =>
      `<a data-part="part-${k}" title="Go to the ${esc(human(part[2]))}">${esc(human(part[2]))}${part[3] ? ` (${esc(part[3])})` : ""}</a>`).join(" · ");
    const lines = [...(docRecords.get(i) || [])].map((r) => recordLine(r, i));
    $("#viewer-records").innerHTML = lines.map(([html]) => html).join("") || '<p class="empty">No records from this document.</p>';
    const body = $("#viewer-body");
    body.className = "doctext";
    if (payload) {
      body.innerHTML = textHtml(payload);
    } else {
      const why = !DATA.hasTexts ? "This output has no texts.jsonl.gz." : d.text ? "The text is missing from this output."
        : "This document's text is not included in the page (it has no records, errors or warnings).";
      const quotes = lines.flatMap(([, own]) => own).map(([ev]) =>
        `<blockquote class="quote" id="${esc(ev[1])}">${esc(ev[2])}</blockquote>`);
      body.innerHTML = `<p class="missing">${why}${quotes.length ? " Evidence quotes:" : ""}</p>${quotes.join("")}`;
    }
    body.scrollTop = 0;
    current = [i, payload];
    return payload;
  }

  function showEvidence(anchor) {
    const hit = anchors.get(anchor);
    if (!hit) return;
    const payload = openDoc(hit[0].ev[hit[1]][0]);
    $$("#viewer .active").forEach((el) => el.classList.remove("active"));
    const k = payload ? payload.marks.findIndex((m) => m[2] === anchor) : -1;
    if (k >= 0) $$(`mark[data-m~="${k}"]`, viewer).forEach((el) => el.classList.add("active"));
    $$(`#viewer-records a[href="#${CSS.escape(anchor)}"]`).forEach((el) => el.classList.add("active"));
    const target = document.getElementById(anchor);
    if (target) {
      target.classList.add("active");
      target.scrollIntoView({ block: "center" });
    }
  }

  /* an agreement's row may be on another page of its table, or filtered out: clear the filters if need be,
     turn to its page and mark it */
  function showAgreement(id) {
    if (!agreements.has(id)) return null;
    if (!tables.agreements.rows.some((a) => a.id === id)) clearFilters();
    tables.agreements.page = Math.floor(tables.agreements.rows.findIndex((a) => a.id === id) / PAGE);
    tables.agreements.render();
    return document.getElementById(`agreement-${id}`);
  }
  /* a case or decision: unfold its case, showing it even if the filters hid it */
  function showCase(hash) {
    const target = document.getElementById(hash);
    const entry = target?.closest("details.case");
    if (entry) { entry.hidden = false; entry.open = true; }
    return target;
  }

  function route() {
    const hash = decodeURIComponent(location.hash.slice(1));
    if (hash.startsWith("ev-")) return showEvidence(hash);
    if (hash.startsWith("doc-")) return openDoc(Number(hash.slice(4)));
    viewer.hidden = true;
    const target = hash.startsWith("agreement-") ? showAgreement(hash.slice(10))
      : /^(case|decision)-/.test(hash) ? showCase(hash) : null;
    if (target) {
      $$(".flash").forEach((el) => el.classList.remove("flash"));
      target.classList.add("flash");
      target.scrollIntoView({ block: target.tagName === "DETAILS" ? "start" : "center" });
    }
  }

  function closeViewer() {
    viewer.hidden = true;
    if (/^#(ev|doc)-/.test(location.hash)) history.pushState(null, "", location.pathname + location.search);
  }

  /* ---- wiring ----------------------------------------------------------------------------------- */
  document.addEventListener("click", (e) => {
    const link = e.target.closest("a");
    const href = link?.getAttribute("href") || "";
    if (/^#(ev|doc|agreement|case|decision)-/.test(href)) {
      e.preventDefault();
      history.pushState(null, "", href);
      route();
      return;
    }
    const jump = e.target.closest("#viewer-structure [data-part]");
    if (jump) {
      document.getElementById(jump.dataset.part)?.scrollIntoView({ block: "start" });
      return;
    }
    const label = e.target.closest("#viewer-legend [data-label]");
    if (label) {
      label.classList.toggle("off");
      $("#viewer-body").classList.toggle(`off-${label.dataset.label}`);
    }
    const node = e.target.closest(".network .node");
    if (node) setFilter("agency", state.agency === node.dataset.agency ? "" : node.dataset.agency);
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !viewer.hidden) closeViewer();
    const node = e.target.closest?.(".network .node");
    if (node && e.key === "Enter") node.dispatchEvent(new MouseEvent("click", { bubbles: true }));
  });
  window.addEventListener("popstate", route);

  /* the network's labels: an arrow's categories and agreements, a box's members, shown where the pointer is */
  const tip = document.createElement("div");
  tip.className = "tip";
  tip.hidden = true;
  tip.setAttribute("role", "tooltip");
  document.body.append(tip);
  const network = $(".network");
  const showTip = (el, x, y) => {
    tip.textContent = el.dataset.tip;
    tip.hidden = false;
    const w = tip.offsetWidth, h = tip.offsetHeight;
    tip.style.left = `${Math.max(4, Math.min(x + 14, window.innerWidth - w - 8))}px`;
    tip.style.top = `${y + 16 + h > window.innerHeight ? Math.max(4, y - h - 10) : y + 16}px`;
  };
  const focusNode = (node) => $$(".network .edge").forEach((e) => e.classList.toggle("faint",
    !!node && !e.dataset.agencies.split(" ").includes(node.dataset.agency)));
  if (network) {
    network.addEventListener("mousemove", (e) => {
      const el = e.target.closest("[data-tip]");
      if (el) showTip(el, e.clientX, e.clientY); else tip.hidden = true;
    });
    network.addEventListener("mouseover", (e) => focusNode(e.target.closest(".node")));
    network.addEventListener("mouseleave", () => { tip.hidden = true; focusNode(null); });
    network.addEventListener("focusin", (e) => {
      const node = e.target.closest(".node");
      if (!node) return;
      const box = node.getBoundingClientRect();
      showTip(node, box.left, box.bottom - 10);
      focusNode(node);
    });
    network.addEventListener("focusout", () => { tip.hidden = true; focusNode(null); });
  }
  $("#viewer-reflow").addEventListener("change", (e) => {
    reflowOn = e.target.checked;
    if (current && current[1]) $("#viewer-body").innerHTML = textHtml(current[1]);
  });
  $("#viewer-close").addEventListener("click", closeViewer);
  $$("#filters [data-filter]").forEach((el) => el.addEventListener("input", () =>
    setFilter(el.dataset.filter, el.dataset.filter === "q" ? el.value.trim().toLowerCase() : el.value)));
  function clearFilters() {
    $$("#filters [data-filter]").forEach((el) => { el.value = ""; state[el.dataset.filter] = ""; });
    applyFilters();
  }
  $("#clear-filters").addEventListener("click", clearFilters);
  const kinds = [...new Set(DATA.docs.map((d) => d.kind))].sort();
  $("#doc-kind").innerHTML = `<option value="">All kinds</option>${kinds.map((k) => `<option value="${esc(k)}">${esc(human(k))}</option>`).join("")}`;
  $("#doc-search").addEventListener("input", filterDocs);
  $("#doc-kind").addEventListener("input", filterDocs);

  fillSelects();
  applyFilters();
  filterDocs();
  tables.issues.set(DATA.issues);
  counter("issues", DATA.issues.length, DATA.issues.length);
  route();
})();
