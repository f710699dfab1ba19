// suno_nb waveform player: an <audio> element driven by a canvas waveform (anywidget ESM).
// Click sets a time (`cursor`), drag selects a region (`selection`), playing reports `position`.
// Audio comes from the Jupyter server's /files/ route (`files_path`), an absolute URL (`src`)
// or bytes sent over the comm (`audio`); when a URL fails, the kernel is asked for the bytes.

const css = `
.suno-nb-wave{display:flex;flex-direction:column;gap:2px;font:12px system-ui,sans-serif;
  min-width:140px;max-width:100%;box-sizing:border-box}
.suno-nb-wave-title{font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.suno-nb-wave-row{display:flex;flex-wrap:wrap;align-items:center;gap:2px 6px}
.suno-nb-wave button{width:28px;height:28px;border:1px solid #bbb;border-radius:14px;
  background:#fff;cursor:pointer;padding:0;flex:0 0 auto}
.suno-nb-wave canvas{flex:1 1 0;min-width:100px;height:56px;cursor:crosshair;
  border-radius:3px;background:#f4f4f8;touch-action:none}
.suno-nb-wave-time{color:#555;font-variant-numeric:tabular-nums;white-space:nowrap;
  margin-left:auto}
.suno-nb-wave-error{color:#b00020}
`;

function fmt(t) {
  if (!isFinite(t) || t < 0) t = 0;
  const m = Math.floor(t / 60);
  const s = t - 60 * m;
  return `${m}:${s < 10 ? "0" : ""}${s.toFixed(1)}`;
}

function serverBase() {
  const node = document.getElementById("jupyter-config-data");
  if (node) {
    try {
      const config = JSON.parse(node.textContent);
      if (config.baseUrl) return config.baseUrl;
    } catch (e) {
      /* not JSON: fall through */
    }
  }
  const fromBody = document.body && document.body.dataset && document.body.dataset.baseUrl;
  return fromBody || null;
}

function filesUrl(path) {
  const base = serverBase();
  if (!base) return null;
  const encoded = path.split("/").map(encodeURIComponent).join("/");
  return `${base.replace(/\/?$/, "/")}files/${encoded}`;
}

function render({ model, el }) {
  if (!document.getElementById("suno-nb-wave-style")) {
    const style = document.createElement("style");
    style.id = "suno-nb-wave-style";
    style.textContent = css;
    document.head.appendChild(style);
  }
  const root = document.createElement("div");
  root.className = "suno-nb-wave suno-nb-player";
  const title = document.createElement("div");
  title.className = "suno-nb-wave-title";
  const row = document.createElement("div");
  row.className = "suno-nb-wave-row";
  const button = document.createElement("button");
  button.type = "button";
  button.title = "play / pause";
  button.textContent = "▶";
  const canvas = document.createElement("canvas");
  canvas.className = "suno-nb-waveform-canvas";
  const clock = document.createElement("span");
  clock.className = "suno-nb-wave-time";
  const audio = document.createElement("audio");
  audio.preload = "metadata";
  audio.className = "suno-nb-wave-audio";
  row.append(button, canvas, clock);
  root.append(title, row, audio);
  el.appendChild(root);

  let blobUrl = null;
  let askedForBytes = false;
  let drag = null; // {x0, t0, moved}

  const duration = () => {
    const d = model.get("duration");
    return d > 0 ? d : isFinite(audio.duration) ? audio.duration : 0;
  };

  function setSource() {
    const bytes = model.get("audio");
    if (bytes && bytes.byteLength > 0) {
      if (blobUrl) URL.revokeObjectURL(blobUrl);
      const view = bytes instanceof DataView ? bytes : new DataView(bytes.buffer || bytes);
      const blob = new Blob([view], { type: model.get("mime") || "audio/mpeg" });
      blobUrl = URL.createObjectURL(blob);
      audio.src = blobUrl;
      return;
    }
    const path = model.get("files_path");
    const url = model.get("src") || (path ? filesUrl(path) : null);
    if (url) {
      audio.src = url;
    } else if (path || model.get("has_file")) {
      askForBytes();
    }
  }

  function askForBytes() {
    if (askedForBytes) return;
    askedForBytes = true;
    model.send({ event: "need_bytes" });
  }

  function peaks() {
    const raw = model.get("peaks");
    if (!raw || !raw.byteLength) return new Uint8Array(0);
    return new Uint8Array(raw.buffer || raw, raw.byteOffset || 0, raw.byteLength);
  }

  function draw() {
    const ratio = window.devicePixelRatio || 1;
    const width = Math.max(100, canvas.clientWidth || 300);
    const height = Math.max(32, canvas.clientHeight || 56);
    if (canvas.width !== Math.round(width * ratio)) canvas.width = Math.round(width * ratio);
    if (canvas.height !== Math.round(height * ratio)) canvas.height = Math.round(height * ratio);
    const g = canvas.getContext("2d");
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, width, height);
    const d = duration();
    const x = (t) => (d > 0 ? Math.max(0, Math.min(width, (t / d) * width)) : 0);
    const sel = drag && drag.moved ? [Math.min(drag.t0, drag.t1), Math.max(drag.t0, drag.t1)]
      : model.get("selection");
    if (sel && sel.length === 2 && d > 0) {
      g.fillStyle = "rgba(245,166,35,0.35)";
      g.fillRect(x(sel[0]), 0, x(sel[1]) - x(sel[0]), height);
    }
    const values = peaks();
    const played = x(audio.currentTime || model.get("position") || 0);
    const n = values.length;
    const mid = height / 2;
    for (let i = 0; i < n; i++) {
      const px = (i / n) * width;
      const h = Math.max(1, (values[i] / 255) * (height - 4));
      g.fillStyle = px < played ? "#2f2f9c" : "#8c8ce6";
      g.fillRect(px, mid - h / 2, Math.max(1, width / n - 0.5), h);
    }
    if (!n) {
      g.fillStyle = "#8c8ce6";
      g.fillRect(0, mid - 0.5, width, 1);
    }
    if (played > 0) {
      g.fillStyle = "#2f2f9c";
      g.fillRect(played - 0.5, 0, 1, height);
    }
    const cursor = model.get("cursor");
    if (cursor !== null && cursor !== undefined && d > 0) {
      g.fillStyle = "#d0021b";
      g.fillRect(x(cursor) - 1, 0, 2, height);
    }
    clock.textContent = `${fmt(audio.currentTime || 0)} / ${fmt(d)}`;
  }

  function timeAt(event) {
    const box = canvas.getBoundingClientRect();
    const fraction = Math.max(0, Math.min(1, (event.clientX - box.left) / (box.width || 1)));
    return Math.round(fraction * duration() * 100) / 100;
  }

  canvas.addEventListener("pointerdown", (event) => {
    if (!(duration() > 0)) return;
    canvas.setPointerCapture && canvas.setPointerCapture(event.pointerId);
    const t = timeAt(event);
    drag = { x0: event.clientX, t0: t, t1: t, moved: false };
  });
  canvas.addEventListener("pointermove", (event) => {
    if (!drag) return;
    drag.t1 = timeAt(event);
    if (Math.abs(event.clientX - drag.x0) > 4) drag.moved = true;
    if (drag.moved) draw();
  });
  const finish = (event) => {
    if (!drag) return;
    const d = drag;
    drag = null;
    d.t1 = timeAt(event);
    if (d.moved) {
      model.set("selection", [Math.min(d.t0, d.t1), Math.max(d.t0, d.t1)]);
    } else {
      model.set("cursor", d.t0);
      try {
        audio.currentTime = d.t0;
      } catch (e) {
        /* not seekable yet */
      }
    }
    model.save_changes();
    draw();
  };
  canvas.addEventListener("pointerup", finish);
  canvas.addEventListener("pointercancel", () => {
    drag = null;
    draw();
  });

  button.addEventListener("click", () => {
    if (audio.paused) {
      const cursor = model.get("cursor");
      if (audio.currentTime === 0 && cursor) audio.currentTime = cursor;
      audio.play().catch(() => askForBytes());
    } else {
      audio.pause();
    }
  });
  let lastSent = 0;
  audio.addEventListener("timeupdate", () => {
    const now = Date.now();
    if (now - lastSent > 250) {
      lastSent = now;
      model.set("position", audio.currentTime);
      model.save_changes();
    }
    draw();
  });
  audio.addEventListener("play", () => (button.textContent = "❚❚"));
  audio.addEventListener("pause", () => {
    button.textContent = "▶";
    model.set("position", audio.currentTime);
    model.save_changes();
  });
  audio.addEventListener("loadedmetadata", draw);
  audio.addEventListener("error", () => {
    if (!(model.get("audio") && model.get("audio").byteLength)) askForBytes();
    else clock.classList.add("suno-nb-wave-error");
  });

  const showTitle = () => {
    title.textContent = model.get("title") || "";
    title.style.display = model.get("title") ? "" : "none";
  };
  model.on("change:audio", setSource);
  model.on("change:src", setSource);
  model.on("change:files_path", setSource);
  model.on("change:title", showTitle);
  for (const name of ["peaks", "cursor", "selection", "duration"]) {
    model.on(`change:${name}`, draw);
  }
  const resize = typeof ResizeObserver !== "undefined" ? new ResizeObserver(() => draw()) : null;
  if (resize) resize.observe(canvas);
  showTitle();
  setSource();
  requestAnimationFrame(draw);
  return () => {
    if (resize) resize.disconnect();
    audio.pause();
    if (blobUrl) URL.revokeObjectURL(blobUrl);
  };
}

export default { render };
