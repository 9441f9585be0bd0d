// The page side of the extension: finds the article (Readability), builds its text with a map
// from every character back to the DOM text node it came from, wraps the spans the server
// returned in <mark data-unspin> elements, and shows a panel in a closed shadow root that the
// page's CSS and scripts cannot reach. Article text is only ever inserted as text.
if (!globalThis.unspinPage) {
  const MAX_CHARS = 100000;
  const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "SVG", "CANVAS", "VIDEO", "AUDIO",
                        "BUTTON", "SELECT", "TEXTAREA", "INPUT"]);
  const BLOCK = new Set(["P", "DIV", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BLOCKQUOTE", "PRE", "SECTION", "ARTICLE",
                         "HEADER", "FOOTER", "TR", "TD", "TH", "FIGCAPTION", "DD", "DT", "UL", "OL", "TABLE", "FIGURE",
                         "MAIN", "ASIDE", "NAV", "BR", "HR"]);
  const ORDER = ["claim", "content", "source", "cue", "technique"]; // outermost first
  let read = null; // {text, chars: [{node, start, end}] or null per character}
  let host = null;
  let style = null;
  let focusListener = null;
  let observer = null;
  let panelNote = null;

  function articleRoot() {
    let wanted = 0;
    try {
      const parsed = new Readability(document.cloneNode(true)).parse();
      wanted = parsed && parsed.textContent ? parsed.textContent.replace(/\s+/g, " ").trim().length : 0;
    } catch (error) {
      wanted = 0;
    }
    if (!wanted) return document.body;
    // The smallest element of the live page that holds about all of Readability's article text.
    let best = document.body;
    let bestLength = Infinity;
    for (const element of document.body.querySelectorAll("article, main, section, div, td")) {
      const length = (element.innerText || "").replace(/\s+/g, " ").trim().length;
      if (length >= 0.9 * wanted && length < bestLength) {
        best = element;
        bestLength = length;
      }
    }
    return best;
  }

  function blockOf(node) {
    for (let element = node.parentElement; element; element = element.parentElement) {
      if (BLOCK.has(element.tagName) || getComputedStyle(element).display.startsWith("block")) return element;
    }
    return null;
  }

  function readText(root) {
    const text = [];
    const chars = [];
    let lastBlock = null;
    let iframes = 0;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode(node) {
        if (node.nodeType === Node.ELEMENT_NODE) {
          if (node.tagName === "IFRAME") iframes += 1;
          if (SKIP.has(node.tagName.toUpperCase()) || node === host) return NodeFilter.FILTER_REJECT;
          if (node.checkVisibility && !node.checkVisibility()) return NodeFilter.FILTER_REJECT;
          return NodeFilter.FILTER_SKIP;
        }
        return NodeFilter.FILTER_ACCEPT;
      },
    });
    const push = (c, at) => { text.push(c); chars.push(at); };
    const seen = new Map(); // each text node read, and its text then
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const value = node.nodeValue;
      if (!value || !value.trim()) continue;
      seen.set(node, value);
      const block = blockOf(node);
      if (block !== lastBlock && text.length) {
        while (text.length && text[text.length - 1] === " ") { text.pop(); chars.pop(); }
        push("\n", null); push("\n", null);
      }
      lastBlock = block;
      for (let i = 0; i < value.length; i++) {
        if (/\s/.test(value[i])) {
          let j = i;
          while (j + 1 < value.length && /\s/.test(value[j + 1])) j++;
          const previous = text[text.length - 1];
          if (text.length && previous !== " " && previous !== "\n") push(" ", { node, start: i, end: j + 1 });
          i = j;
        } else {
          // A character outside the BMP is two UTF-16 units in the node and two in the text.
          push(value[i], { node, start: i, end: i + 1 });
        }
      }
    }
    while (text.length && /\s/.test(text[text.length - 1])) { text.pop(); chars.pop(); }
    return { text: text.join(""), chars, iframes, seen };
  }

  // The server counts code points; the text built here is a JS string of UTF-16 units.
  function unitsOf(text) {
    const units = [0];
    for (const c of text) units.push(units[units.length - 1] + c.length);
    return units;
  }

  function toggleOrRead() {
    if (document.querySelector("[data-unspin]") || host) {
      clear();
      return { cleared: true };
    }
    const root = articleRoot();
    read = readText(root);
    let cut = false;
    if ([...read.text].length > MAX_CHARS) {
      read.text = [...read.text].slice(0, MAX_CHARS).join("");
      cut = true;
    }
    read.cut = cut;
    if (!read.text.trim()) return { error: "no article text on this page" };
    return { text: read.text, cut };
  }

  function spansOf(analysis, options, names) {
    const shown = (analysis.engine || {}).shown_by_default || {};
    const floor = options.minScore !== "" && options.minScore !== undefined ? Number(options.minScore)
      : ((shown.techniques || {}).min_score || 0);
    const claimFloor = (shown.claims || {}).min_score || 0;
    const spans = [];
    for (const t of analysis.techniques || []) {
      // Below the threshold a span is shown as the report shows it: underlined, without colour.
      const low = t.score < floor;
      const info = names[t.technique] || { name: t.technique, definition: "" };
      spans.push({ layer: "technique", start: t.start, end: t.end, index: Object.keys(names).indexOf(t.technique), low,
                   title: `${info.name} (${t.score.toFixed(2)}${low ? ", less certain" : ""}): ${info.definition}` });
    }
    for (const a of analysis.attributions || []) {
      const speaker = a.source_name || (a.source && a.source.text) || "unnamed source";
      for (const part of a.content) spans.push({ layer: "content", start: part.start, end: part.end, title: `${a.kind} attribution to ${speaker}` });
      if (a.source) spans.push({ layer: "source", start: a.source.start, end: a.source.end, title: `Source: ${speaker}` });
      if (a.cue) spans.push({ layer: "cue", start: a.cue.start, end: a.cue.end, title: `Cue: ${speaker}` });
    }
    for (const c of analysis.claims || []) {
      if (c.score < claimFloor) continue;
      spans.push({ layer: "claim", start: c.start, end: c.end,
                   title: `Check-worthy claim (${c.score.toFixed(2)}), ${c.attributed ? "attributed to " + (c.source_name || "an unnamed source") : "no source given"}` });
    }
    return spans;
  }

  function markElement(span) {
    const mark = document.createElement("mark");
    mark.dataset.unspin = span.layer;
    mark.dataset.start = String(span.start);
    mark.dataset.end = String(span.end);
    mark.className = `unspin-${span.layer}` + (span.layer === "technique" ? (span.low ? " unspin-low" : ` unspin-t${span.index}`) : "");
    mark.title = span.title;
    mark.tabIndex = 0;
    return mark;
  }

  function mark(analysis, options, names) {
    if (!read) return 0;
    const units = unitsOf(read.text);
    const spans = spansOf(analysis, options, names).map((s) => ({ ...s, a: units[s.start], b: units[s.end] }))
      .filter((s) => s.b > s.a);
    // Cut the text at every span boundary; each piece knows the spans over it.
    const cuts = [...new Set(spans.flatMap((s) => [s.a, s.b]))].sort((x, y) => x - y);
    const byNode = new Map();
    for (let k = 0; k + 1 < cuts.length; k++) {
      const [a, b] = [cuts[k], cuts[k + 1]];
      const over = spans.filter((s) => s.a <= a && b <= s.b)
        .sort((x, y) => ORDER.indexOf(x.layer) - ORDER.indexOf(y.layer));
      if (!over.length) continue;
      // The characters of [a, b) grouped by the text node they came from.
      let run = null;
      for (let i = a; i < b; i++) {
        const at = read.chars[i];
        if (!at) { run = null; continue; }
        if (run && run.node === at.node && at.start >= run.end - 1) {
          run.end = Math.max(run.end, at.end);
        } else {
          run = { node: at.node, start: at.start, end: at.end, over };
          if (!byNode.has(at.node)) byNode.set(at.node, []);
          byNode.get(at.node).push(run);
        }
      }
    }
    let count = 0;
    read.changed = 0;
    for (const [node, runs] of byNode) {
      // A page that rewrote a node while the server read its text (a live ticker, a re-render)
      // gets no mark there: its offsets no longer hold.
      if (!node.isConnected || node.nodeValue !== read.seen.get(node)) {
        read.changed += runs.length;
        continue;
      }
      runs.sort((x, y) => y.start - x.start); // from the end, so earlier offsets stay valid
      for (const run of runs) {
        if (!node.parentNode) continue;
        const piece = node.splitText(run.start);
        piece.splitText(run.end - run.start);
        let outer = null;
        let inner = null;
        for (const span of run.over) {
          const element = markElement(span);
          if (inner) inner.appendChild(element); else outer = element;
          inner = element;
          count++;
        }
        piece.parentNode.replaceChild(outer, piece);
        inner.appendChild(piece);
      }
    }
    addStyle(names);
    showPanel(analysis, spans, options, names);
    watch(count);
    return count;
  }

  function addStyle(names) {
    style = document.createElement("style");
    style.id = "unspin-style";
    const colours = Object.values(names).map((info, i) => `mark.unspin-t${i}{background:${info.colour}}`).join("");
    style.textContent = "mark[data-unspin]{background:none;color:inherit;padding:0}" +
      "mark.unspin-technique{border-radius:2px}" + colours +
      "mark.unspin-claim{text-decoration:underline wavy #b35c00}mark.unspin-content{border-bottom:2px solid #0b7a75}" +
      "mark.unspin-source{font-weight:700;color:#0b7a75}mark.unspin-cue{font-style:italic;color:#0b7a75}" +
      "mark.unspin-low{text-decoration:underline dotted #62636a}mark.unspin-flash{outline:3px solid #4a6cf7}";
    document.head.appendChild(style);
  }

  function panelRoot() {
    host = document.createElement("div");
    host.id = "unspin-panel-host";
    host.style.cssText = "all:initial;position:fixed;top:12px;right:12px;z-index:2147483647";
    const root = host.attachShadow({ mode: "closed" });
    const css = document.createElement("style");
    css.textContent = ":host{all:initial}.panel{font:13px/1.4 system-ui,sans-serif;color:#1d1d1f;background:#fff;" +
      "border:1px solid #ccc;border-radius:6px;box-shadow:0 2px 12px rgba(0,0,0,.2);width:300px;max-height:70vh;" +
      "overflow:auto;padding:10px}h2{font-size:14px;margin:0 0 6px}h3{font-size:12px;margin:10px 0 4px;color:#555}" +
      "button.item{display:block;text-align:left;width:100%;border:0;background:none;padding:3px;cursor:pointer;font:inherit}" +
      "button.item:hover,button.item:focus{background:#eef3fb}.note{color:#62636a}.error{color:#a40000}";
    root.appendChild(css);
    const panel = document.createElement("div");
    panel.className = "panel";
    root.appendChild(panel);
    document.documentElement.appendChild(host);
    return panel;
  }

  function line(parent, tag, text, className) {
    const element = document.createElement(tag);
    element.textContent = text;
    if (className) element.className = className;
    parent.appendChild(element);
    return element;
  }

  function showPanel(analysis, spans, options, names) {
    const panel = panelRoot();
    line(panel, "h2", "unspin");
    if (read.cut) line(panel, "p", "The page is longer than one article: its first 100,000 characters were read.", "note");
    if (read.iframes) line(panel, "p", `${read.iframes} frame(s) inside the article were not read.`, "note");
    if (read.changed) line(panel, "p", `The page changed while it was analysed: ${read.changed} mark(s) were left out.`, "note");
    const lang = (document.documentElement.lang || "").toLowerCase();
    if (lang && !lang.startsWith("en")) line(panel, "p", "unspin reads English; this page says it is in another language.", "note");
    const groups = [["Techniques", "technique"], ["Who is quoted", "source"], ["Claims to check", "claim"]];
    for (const [heading, layer] of groups) {
      const items = spans.filter((s) => s.layer === layer && !s.low);
      line(panel, "h3", `${heading} (${items.length})`);
      for (const span of items) {
        const text = [...read.text].slice(span.start, span.end).join("");
        const label = layer === "technique" ? `${span.title.split(" (")[0]}: ${text}` : text;
        const button = line(panel, "button", label.length > 120 ? label.slice(0, 117) + "…" : label, "item");
        button.addEventListener("click", () => {
          const target = document.querySelector(`mark[data-unspin="${layer}"][data-start="${span.start}"]`);
          if (!target) return;
          target.scrollIntoView({ block: "center" });
          target.classList.add("unspin-flash");
          setTimeout(() => target.classList.remove("unspin-flash"), 1500);
        });
      }
    }
    const details = line(panel, "p", "Hover or focus (Tab) a mark to read what it means here.", "note");
    focusListener = (event) => {
      const target = event.target;
      if (target instanceof HTMLElement && target.dataset && target.dataset.unspin) details.textContent = target.title;
    };
    document.addEventListener("focusin", focusListener, true);
    panelNote = line(panel, "p", "Click the unspin button again to remove every mark.", "note");
  }

  // A page that re-renders after the marks are in place (a single-page app, a live blog) may drop
  // them: the panel then says so and how to get them back, rather than list marks that are gone.
  function watch(placed) {
    observer = new MutationObserver(() => {
      const left = document.querySelectorAll("mark[data-unspin]").length;
      if (left < placed && panelNote) {
        panelNote.textContent = `The page changed after the analysis: ${placed - left} of ${placed} mark(s) are gone. ` +
          "Click the unspin button twice to analyse it again.";
        panelNote.className = "error";
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }

  function showError(message) {
    clear();
    const panel = panelRoot();
    line(panel, "h2", "unspin");
    line(panel, "p", message, "error");
  }

  function clear() {
    const parents = new Set();
    for (const element of [...document.querySelectorAll("mark[data-unspin]")].reverse()) {
      const parent = element.parentNode;
      if (!parent) continue;
      while (element.firstChild) parent.insertBefore(element.firstChild, element);
      parent.removeChild(element);
      parents.add(parent);
    }
    for (const parent of parents) parent.normalize();
    if (observer) observer.disconnect();
    observer = panelNote = null;
    if (focusListener) document.removeEventListener("focusin", focusListener, true);
    focusListener = null;
    if (style) style.remove();
    if (host) host.remove();
    style = host = read = null;
  }

  globalThis.unspinPage = { toggleOrRead, mark, showError, clear };
}
