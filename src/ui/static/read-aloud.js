// 朗读本页 (care mode only, loaded with defer): reads the main content aloud with the browser's
// own speech synthesis. The button exists only where the browser can speak, so without this
// script or without speechSynthesis the page simply has no button.
(() => {
  const slot = document.getElementById("read-aloud");
  const main = document.getElementById("main");
  if (!slot || !main || !("speechSynthesis" in window) || !window.SpeechSynthesisUtterance) return;
  const synth = window.speechSynthesis;
  const traditional = document.documentElement.lang === "zh-Hant";
  const lang = traditional ? "zh-TW" : "zh-CN";
  // The server converts pages to traditional characters, not scripts: both labels live here.
  const readLabel = traditional ? "朗讀本頁" : "朗读本页";
  const stopLabel = traditional ? "停止朗讀" : "停止朗读";
  const button = document.createElement("button");
  button.type = "button";
  button.className = "secondary";
  button.textContent = readLabel;
  slot.appendChild(button);

  // Long utterances stop early in some browsers: speak sentence by sentence, in short pieces.
  function pieces(text) {
    const out = [];
    for (const sentence of text.replace(/\s+/g, " ").split(/(?<=[。!?;!?;])/)) {
      for (let i = 0; i < sentence.length; i += 180) {
        const part = sentence.slice(i, i + 180).trim();
        if (part) out.push(part);
      }
    }
    return out;
  }

  function stop() {
    synth.cancel();
    button.textContent = readLabel;
  }

  button.addEventListener("click", () => {
    if (synth.speaking) {
      stop();
      return;
    }
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, without hidden elements, is what a reader hears
    const parts = pieces(main.innerText);
    parts.forEach((text, i) => {
      const u = new SpeechSynthesisUtterance(text);
      u.lang = lang;
      u.rate = 0.9;
      if (i === parts.length - 1) u.onend = stop;
      synth.speak(u);
    });
    button.textContent = stopLabel;
  });
  window.addEventListener("pagehide", () => synth.cancel());
})();
