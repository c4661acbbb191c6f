// Catalog item form (/admin/catalog/:id): describes the 期限规则 as it is chosen. The form works
// without this script; the server shows the same description after saving.
(() => {
  const out = document.getElementById("deadline-description");
  const kind = document.getElementById("f-deadlineKind");
  const days = document.getElementById("f-deadlineDays");
  const text = document.getElementById("f-deadlineText");
  if (!out || !kind || !days || !text) return;
  const initial = { text: text.value, description: out.textContent };
  const describe = () => {
    const n = Number(days.value.trim());
    const valid = /^\d{1,3}$/.test(days.value.trim()) && n >= 1 && n <= 365;
    switch (kind.value) {
      case "":
        if (text.value.trim() === "") return "未指定(公开时限为空)";
        return text.value === initial.text ? initial.description : "按文字识别(保存时识别)";
      case "working_days_from_formation_or_change":
        return valid ? `信息形成或变更之日起${n}个工作日内` : "请填写工作日数";
      case "working_days_from_decision":
        return valid ? `行政决定作出之日起${n}个工作日内` : "请填写工作日数";
      case "realtime":
        return "实时";
      case "ongoing":
        return "常态";
      default:
        return "";
    }
  };
  const update = () => {
    out.textContent = describe();
  };
  for (const el of [kind, days, text]) el.addEventListener("input", update);
  kind.addEventListener("change", update);
})();
