// The page's few browser calls (the URL fragment, a download, the viewport width) and the timing of each update:
// from the input or change event that starts it to the DOM updated by Blazor (domMs) and to the next frame painted
// (paintedMs). The timings are kept in window.llmtco.timings and the last one in <html data-last-update-ms>, where the
// browser tests read them.
window.llmtco = (() => {
  let started = null;
  const timings = [];
  for (const type of ['input', 'change']) {
    document.addEventListener(type, () => { if (started === null) started = performance.now(); }, true);
  }

  return {
    timings,
    width: () => document.documentElement.clientWidth,
    fragment: () => location.hash,
    setFragment: fragment => history.replaceState(null, '', '#' + fragment),
    download: (name, text) => {
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      const a = Object.assign(document.createElement('a'), { href: url, download: name });
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    },
    rendered: (evaluateMs, drawMs) => {
      if (started === null) return;
      const start = started;
      started = null;
      const domMs = performance.now() - start;
      requestAnimationFrame(() => setTimeout(() => {
        const paintedMs = performance.now() - start;
        timings.push({ domMs, paintedMs, evaluateMs, drawMs });
        document.documentElement.dataset.lastUpdateMs = domMs.toFixed(1);
      }, 0));
    },
  };
})();
