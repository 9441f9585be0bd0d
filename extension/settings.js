// The extension's settings: where the reader's own `unspin serve` listens, which layers to show,
// and the technique threshold (empty: the calibrated one the server reports).
export const DEFAULTS = { server: "http://127.0.0.1:8000", techniques: true, attribution: true, claims: true, minScore: "" };

export async function settings() {
  return { ...DEFAULTS, ...(await chrome.storage.sync.get(Object.keys(DEFAULTS))) };
}
