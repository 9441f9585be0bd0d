// The unspin web page: sends the article to /api/analyze and shows the analysis.
// Article text only ever reaches the page through textContent: nothing from an article is
// parsed as HTML or run.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  let techniques = {};
  let lastAnalysis = null;
  let userFloor = null;  // the threshold control's value once the reader moves it
  let lastRequest = null;

  fetch("/api/techniques").then((r) => r.json()).then((t) => { techniques = t; }).catch(() => {});

  // --- input --------------------------------------------------------------------------
  document.querySelectorAll("input[name=source]").forEach((radio) => {
    radio.addEventListener("change", () => {
      document.querySelectorAll("[data-source]").forEach((el) => { el.hidden = el.dataset.source !== radio.value; });
    });
  });
  const drop = $("drop");
  ["dragenter", "dragover"].forEach((e) => drop.addEventListener(e, (ev) => { ev.preventDefault(); drop.classList.add("over"); }));
  ["dragleave", "drop"].forEach((e) => drop.addEventListener(e, () => drop.classList.remove("over")));
  drop.addEventListener("drop", (ev) => {
    ev.preventDefault();
    if (ev.dataTransfer.files.length) { $("file").files = ev.dataTransfer.files; }
  });

  function requestBody() {
    const source = document.querySelector("input[name=source]:checked").value;
    const layers = { techniques: $("want-techniques").checked, attribution: $("want-attribution").checked,
                     claims: $("want-claims").checked };
    if (source === "file") {
      const file = $("file").files[0];
      if (!file) { throw new Error("choose or drop a file first"); }
      const form = new FormData();
      form.append("file", file);
      Object.entries(layers).forEach(([k, v]) => form.append(k, String(v)));
      return { body: form, headers: {} };
    }
    const value = source === "url" ? $("url").value.trim() : $("text").value;
    if (!value.trim()) { throw new Error(source === "url" ? "enter a web address" : "paste an article first"); }
    return { body: JSON.stringify({ [source]: value, ...layers }), headers: { "Content-Type": "application/json" } };
  }

  async function post(path, request) {
    const headers = { ...request.headers };
    if ($("api-key").value) { headers["X-API-Key"] = $("api-key").value; }
    const response = await fetch(path, { method: "POST", body: request.body, headers });
    if (response.status === 401) { $("key-field").hidden = false; $("api-key").focus(); }
    if (!response.ok) {
      let message = `the server answered ${response.status}`;
      try { message = (await response.json()).error.message; } catch (e) { /* not JSON */ }
      throw new Error(message);
    }
    return response;
  }

  $("input").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const status = $("status");
    status.classList.remove("error");
    let request;
    try { request = requestBody(); } catch (e) { status.textContent = e.message; status.classList.add("error"); return; }
    $("go").disabled = true;
    const started = Date.now();
    const tick = setInterval(() => { status.textContent = `Analysing… ${Math.round((Date.now() - started) / 1000)} s`; }, 250);
    status.textContent = "Analysing…";
    try {
      const analysis = await (await post("/api/analyze", request)).json();
      lastAnalysis = analysis;
      lastRequest = request;
      show(analysis);
      status.textContent = `Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`;
      $("result-title").focus();
    } catch (e) {
      status.textContent = e.message;
      status.classList.add("error");
    } finally {
      clearInterval(tick);
      $("go").disabled = false;
    }
  });

  // --- downloads ----------------------------------------------------------------------
  function download(blob, name) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }
  const fileName = (a, ext) => (a.id || "analysis").replace(/[^\w.-]+/g, "_").slice(0, 100) + ext;
  $("download-json").addEventListener("click", () => {
    if (lastAnalysis) { download(new Blob([JSON.stringify(lastAnalysis, null, 2)], { type: "application/json" }), fileName(lastAnalysis, ".json")); }
  });
  $("download-report").addEventListener("click", async () => {
    if (!lastRequest) { return; }
    try {
      const response = await post("/api/report", lastRequest);
      download(await response.blob(), fileName(lastAnalysis, ".html"));
    } catch (e) { $("status").textContent = e.message; $("status").classList.add("error"); }
  });

  // --- layers -------------------------------------------------------------------------
  document.querySelectorAll("[data-layer]").forEach((box) => {
    box.addEventListener("change", () => $("article").classList.toggle(`show-${box.dataset.layer}`, box.checked));
  });

  // --- rendering ----------------------------------------------------------------------
  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    return node;
  }

  // The same rule as analyzers/claims/findings.py's min_claim_score: the calibrated floor, raised so that at
  // most max_share of the article's sentences show as claims by default.
  function minClaimScore(a) {
    const shown = (a.engine.shown_by_default || {}).claims || {};
    let floor = shown.min_score || 0;
    const sentences = (a.summary.techniques || {}).sentences || 0;
    if (shown.max_share && sentences) {
      const room = Math.max(1, Math.floor(shown.max_share * sentences));
      const above = a.claims.map((c) => c.score).filter((x) => x >= floor).sort((x, y) => y - x);
      if (above.length > room) { floor = Math.max(floor, above[room - 1] === above[room] ? above[room - 1] + 1e-9 : above[room - 1]); }
    }
    return floor;
  }

  function marks(a) {
    const out = [];
    const floor = userFloor ?? (((a.engine.shown_by_default || {}).techniques || {}).min_score || 0);
    a.segments.forEach((s) => out.push({ start: s.start, end: s.end, cls: `seg-${s.kind}` + (s.type === "code" ? " seg-code" : ""), title: s.kind + (s.type ? ` (${s.type})` : "") }));
    a.techniques.forEach((t) => {
      const info = techniques[t.technique] || { name: t.technique, definition: "", colour: "#ffd6a5" };
      out.push({ start: t.start, end: t.end, cls: "t" + (t.score < floor ? " low" : ""), colour: info.colour,
                 title: `${info.name} (${t.score.toFixed(2)}${t.score < floor ? ", less certain" : ""}): ${info.definition}`, focus: true });
    });
    a.attributions.forEach((x) => {
      const who = x.source_name || (x.source && x.source.text) || "unnamed source";
      x.content.forEach((c) => out.push({ start: c.start, end: c.end, cls: "a", title: `${x.kind} attribution to ${who} (${x.source_type || "unknown"})`, focus: true }));
      if (x.source) { out.push({ start: x.source.start, end: x.source.end, cls: "as", title: `Source: ${who}`, focus: true }); }
      if (x.cue) { out.push({ start: x.cue.start, end: x.cue.end, cls: "ac", title: `Cue: ${who}`, focus: true }); }
    });
    const claimFloor = minClaimScore(a);
    a.claims.forEach((c, i) => out.push({ start: c.start, end: c.end, cls: "c" + (c.score < claimFloor ? " low-claim" : ""), id: `claim-${i + 1}`,
      title: `Check-worthy claim (${c.score.toFixed(2)}${c.score < claimFloor ? ", less certain" : ""}), ${c.attributed ? "attributed to " + (c.source_name || "unnamed source") : "no source given"}`, focus: true }));
    return out.filter((m) => m.end > m.start);
  }

  function renderArticle(a) {
    const text = a.text;
    const all = marks(a);
    const cuts = new Set([0, text.length]);
    all.forEach((m) => { cuts.add(m.start); cuts.add(m.end); });
    const bounds = Array.from(cuts).sort((x, y) => x - y);
    const article = $("article");
    article.replaceChildren();
    const usedIds = new Set();
    for (let i = 0; i + 1 < bounds.length; i++) {
      const [from, to] = [bounds[i], bounds[i + 1]];
      const covering = all.filter((m) => m.start <= from && to <= m.end);
      const piece = text.slice(from, to);
      if (!covering.length) { article.appendChild(document.createTextNode(piece)); continue; }
      const span = el("span", piece, { class: covering.map((m) => m.cls).join(" "), title: covering.map((m) => m.title).join("\n") });
      const technique = covering.find((m) => m.colour && !m.cls.includes("low")) || covering.find((m) => m.colour);
      if (technique) { span.style.setProperty("--tc", technique.colour); }
      const anchor = covering.find((m) => m.id && m.start === from && !usedIds.has(m.id));
      if (anchor) { span.id = anchor.id; usedIds.add(anchor.id); }
      if (covering.some((m) => m.focus)) { span.tabIndex = 0; }
      article.appendChild(span);
    }
  }

  function showDetails(ev) {
    const target = ev.target.closest("#article span[title]");
    if (!target) { return; }
    // The explanation opens next to the passage it explains, not at the top of the page.
    const details = $("details");
    details.textContent = target.getAttribute("title");
    details.hidden = false;
    const box = target.getBoundingClientRect();
    const left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - details.offsetWidth - 8));
    details.style.left = `${left + window.scrollX}px`;
    details.style.top = `${box.bottom + window.scrollY + 6}px`;
  }
  $("article").addEventListener("focusin", showDetails);
  $("article").addEventListener("mouseover", showDetails);
  $("article").addEventListener("click", showDetails);
  document.addEventListener("keydown", (ev) => { if (ev.key === "Escape") { $("details").hidden = true; } });

  // The technique threshold: moving it redraws the article with that floor.
  $("min-score").addEventListener("input", () => {
    userFloor = parseFloat($("min-score").value);
    $("min-score-value").textContent = userFloor.toFixed(2);
    if (lastAnalysis) { renderArticle(lastAnalysis); }
  });

  function show(a) {
    const calibrated = ((a.engine.shown_by_default || {}).techniques || {}).min_score;
    if (userFloor === null && calibrated !== undefined) {
      $("min-score").value = calibrated;
      $("min-score-value").textContent = Number(calibrated).toFixed(2);
    }
    $("result").hidden = false;
    $("result-title").textContent = (a.meta.title && a.meta.title.text) || a.id;
    $("result-title").tabIndex = -1;
    const meta = [];
    if (a.meta.authors.length) { meta.push("By " + a.meta.authors.map((x) => x.text).join(", ")); }
    if (a.meta.outlet) { meta.push(a.meta.outlet.text); }
    if (a.meta.published) { meta.push(a.meta.published); }
    $("meta").textContent = meta.join(" · ");
    const s = a.summary;
    const stats = [`${s.words} words of article text`, `${a.techniques.length} technique spans`,
                   `${a.attributions.length} attributions`];
    if (s.sourcing) { stats.push(`${Math.round(s.sourcing.share_author_only * 100)}% of sentences cite no one`); }
    if (a.claims.length) {
      const sure = a.claims.filter((c) => c.score >= minClaimScore(a)).length;
      stats.push(`${sure} claims to check` + (sure < a.claims.length ? ` (${a.claims.length - sure} less certain)` : ""));
    }
    $("stats").textContent = stats.join(" · ");
    $("claims-toggle").hidden = !a.claims.length;
    renderArticle(a);

    const claims = $("claims");
    claims.hidden = !a.claims.length;
    const list = claims.querySelector("ol");
    list.replaceChildren();
    a.claims.map((c, i) => [c, i]).sort((x, y) => y[0].score - x[0].score).forEach(([c, i]) => {
      const item = el("li");
      const link = el("a", c.text, { href: `#claim-${i + 1}` });
      item.append(link, ` (${c.score.toFixed(2)}; ${c.attributed ? (c.source_name || "unnamed source") : "no source given"})`);
      list.appendChild(item);
    });

    const quoted = $("quoted");
    quoted.replaceChildren();
    if (s.sourcing && s.sourcing.sources.length) {
      const table = el("table");
      const head = el("tr");
      ["Source", "Type", "Attributions"].forEach((h) => head.appendChild(el("th", h)));
      table.appendChild(head);
      s.sourcing.sources.forEach((src) => {
        const row = el("tr");
        [src.name, src.type, src.count].forEach((v) => row.appendChild(el("td", v)));
        table.appendChild(row);
      });
      quoted.appendChild(table);
      quoted.appendChild(el("p", `${s.sourcing.attributed_sentences} of ${s.sourcing.sentences} sentences cite a source.`));
    } else {
      quoted.appendChild(el("p", a.engine.models.attribution ? "No attributions found: everything here is asserted by the author."
                                                              : "Quotes and sources were not analysed."));
    }

    const used = $("used");
    used.replaceChildren();
    const counts = {};
    a.techniques.forEach((t) => { counts[t.technique] = (counts[t.technique] || 0) + 1; });
    const labels = Object.keys(counts).sort((x, y) => counts[y] - counts[x]);
    if (!labels.length) { used.appendChild(el("p", "No persuasion technique was found in the article text.")); }
    const table = el("table");
    labels.forEach((label) => {
      const info = techniques[label] || { name: label, definition: "", colour: "#ddd" };
      const row = el("tr");
      const name = el("td");
      const swatch = el("span", null, { class: "swatch" });
      swatch.style.background = info.colour;
      name.append(swatch, info.name);
      row.append(name, el("td", counts[label]), el("td", info.definition));
      table.appendChild(row);
    });
    if (labels.length) { used.appendChild(table); }
  }
})();
