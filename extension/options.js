import { DEFAULTS, settings } from "./settings.js";

const $ = (id) => document.getElementById(id);

settings().then((s) => {
  $("server").value = s.server;
  for (const layer of ["techniques", "attribution", "claims"]) $(layer).checked = s[layer];
  $("minScore").value = s.minScore;
});

$("save").addEventListener("click", async () => {
  const server = $("server").value.trim() || DEFAULTS.server;
  let origin;
  try {
    origin = new URL(server).origin;
  } catch {
    $("status").textContent = "not a URL: use http://HOST:PORT";
    return;
  }
  // A server elsewhere than this machine needs the reader's consent for that one origin.
  if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(origin)) {
    const granted = await chrome.permissions.request({ origins: [`${origin}/*`] });
    if (!granted) {
      $("status").textContent = "not saved: the extension may only talk to a server you allow";
      return;
    }
  }
  await chrome.storage.sync.set({ server, techniques: $("techniques").checked, attribution: $("attribution").checked,
                                  claims: $("claims").checked, minScore: $("minScore").value.trim() });
  $("status").textContent = "saved";
});
