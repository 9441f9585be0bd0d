// The service worker: the toolbar button (or Alt+Shift+U) analyses the tab's article with the
// reader's own unspin server, or clears the marks if they are there. Nothing else is contacted.
import { settings } from "./settings.js";

async function inject(tabId) {
  await chrome.scripting.executeScript({ target: { tabId }, files: ["vendor/Readability.js", "content.js"] });
}

async function call(tabId, func, args = []) {
  const [{ result }] = await chrome.scripting.executeScript({ target: { tabId }, func, args });
  return result;
}

// Exposed for tests and for anyone who drives the extension from outside: resolves when the marks
// are in place (or removed), or with the error the page now shows.
globalThis.unspinAnalyzeTab = async function unspinAnalyzeTab(tabId) {
  await inject(tabId);
  const state = await call(tabId, () => globalThis.unspinPage.toggleOrRead());
  if (state.cleared) return { cleared: true };
  if (state.error) return { error: state.error };
  const options = await settings();
  const server = options.server.replace(/\/+$/, "");
  let analysis;
  let names;
  try {
    const response = await fetch(`${server}/api/analyze`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: state.text, format: "text", id: "page", techniques: options.techniques,
                             attribution: options.attribution, claims: options.claims }),
    });
    analysis = await response.json();
    if (!response.ok) throw new Error((analysis.error || {}).message || `HTTP ${response.status}`);
    names = await (await fetch(`${server}/api/techniques`)).json();
  } catch (error) {
    const message = error instanceof TypeError
      ? `unspin's server does not answer at ${options.server}: start it with \`unspin serve\` (or set its address in the extension's options)`
      : `the server refused the article: ${error.message}`;
    await call(tabId, (m) => globalThis.unspinPage.showError(m), [message]);
    return { error: message };
  }
  const marks = await call(tabId, (a, o, n) => globalThis.unspinPage.mark(a, o, n), [analysis, options, names]);
  return { text: state.text, marks, cut: state.cut };
};

chrome.action.onClicked.addListener((tab) => globalThis.unspinAnalyzeTab(tab.id));
