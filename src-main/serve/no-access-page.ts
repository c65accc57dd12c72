/**
 * What the bare address shows a browser that has no access token yet (no `?token=` and no access
 * cookie): how to get in, instead of a page that spins on "Reconnecting…". Plain HTML without
 * scripts or outside resources, so the app's Content-Security-Policy holds for it too.
 */
export const NO_ACCESS_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>LabFlow — open it with its address</title>
<style>
  body { font-family: "Segoe UI", system-ui, -apple-system, Arial, sans-serif; margin: 0; display: grid; place-items: center; min-height: 100vh; background: #f5f7f8; color: #1c2a30; }
  main { max-width: 36rem; padding: 2rem; background: #fff; border: 1px solid #d5dde0; border-radius: 8px; }
  h1 { font-size: 1.4rem; margin-top: 0; }
  code { background: #eef2f3; padding: 0 0.25rem; border-radius: 4px; }
  li { margin: 0.4rem 0; }
</style>
</head>
<body>
<main>
  <h1>Open LabFlow with the address it gave you</h1>
  <p>This browser has not opened LabFlow on this computer yet, so it does not have LabFlow's access key.
  The key keeps other programs and web pages on this computer out of your lab's data.</p>
  <ol>
    <li>Find the window where LabFlow was started (<code>npm run serve</code>). It shows a line
      <code>Open http://…/?token=…</code>.</li>
    <li>Open that whole address in this browser. LabFlow remembers the key here, so this bare address
      and your bookmarks work from then on, also after LabFlow restarts.</li>
  </ol>
  <p>If you installed LabFlow as a desktop app, open it from the start menu or the tray instead.</p>
</main>
</body>
</html>
`;
