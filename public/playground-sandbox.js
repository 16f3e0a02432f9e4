// The sandbox frame's only job: start and stop the emulator's Workers for the page that opened
// it (playground/runtime/host-browser.ts). It holds the engine's source as a blob: URL, hands each
// Worker the MessagePort the page sent for it, and reports Workers that crash. Plain JavaScript in
// public/ because it is served as a file of its own, next to playground-sandbox.html.
(() => {
  const parentWindow = window.parent;
  const workers = new Map();
  let engineUrl;
  let spare;

  // A classic Worker: Chromium does not start a module Worker from a blob: URL in an opaque origin.
  // The engine's script is one self-contained file, and it loads the handler with import(), which
  // classic Workers support. A Worker that fails to start is reported when it is handed out.
  const start = () => {
    const worker = new Worker(engineUrl);
    worker.failed = false;
    worker.addEventListener('error', () => {
      worker.failed = true;
    });
    return worker;
  };

  window.addEventListener('message', (event) => {
    if (event.source !== parentWindow) return;
    const data = event.data;
    if (!data || typeof data.type !== 'string') return;
    if (data.type === 'engine' && typeof data.source === 'string' && !engineUrl) {
      engineUrl = URL.createObjectURL(new Blob([data.source], { type: 'text/javascript' }));
    } else if (data.type === 'warm' && engineUrl) {
      spare = spare || start();
    } else if (data.type === 'spawn' && engineUrl && Number.isInteger(data.id) && event.ports[0]) {
      const worker = spare || start();
      spare = start();
      const id = data.id;
      const report = (message) => parentWindow.postMessage({ type: 'crashed', id, message }, '*');
      if (worker.failed) report('the Worker failed to start');
      worker.addEventListener('error', (error) => {
        error.preventDefault();
        report(String(error.message || 'the Worker failed'));
      });
      worker.postMessage({ type: 'connect' }, [event.ports[0]]);
      workers.set(id, worker);
    } else if (data.type === 'terminate' && workers.has(data.id)) {
      workers.get(data.id).terminate();
      workers.delete(data.id);
    }
  });
  parentWindow.postMessage({ type: 'ready' }, '*');
})();
