import { Jieba } from "@node-rs/jieba";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const { dict } = require("@node-rs/jieba/dict");
const j = Jieba.withDict(dict);
const body = "为进一步推进基层政务公开标准化规范化工作,提升政务服务水平。各乡镇市场监管所要高度重视,明确责任分工,确保各项工作落到实处。本次共抽检食品样品若干批次,检验结果已按规定向社会公开。".repeat(3);
for (const [name, fn] of [["cut hmm", () => j.cut(body, true)], ["cut", () => j.cut(body, false)], ["cfs hmm", () => j.cutForSearch(body, true)], ["cfs", () => j.cutForSearch(body, false)], ["cfs buf", () => j.cutForSearch(Buffer.from(body), true)]] as const) {
  fn();
  const s = performance.now();
  for (let i = 0; i < 1000; i++) fn();
  console.log(name, (performance.now() - s).toFixed(1), "ms /1000 docs of", body.length);
}
