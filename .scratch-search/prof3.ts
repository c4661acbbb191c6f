import { segmentForIndex, foldText } from "../src/search/segment";
const body = "为进一步推进基层政务公开标准化规范化工作,提升政务服务水平。各乡镇市场监管所要高度重视,明确责任分工,确保各项工作落到实处。本次共抽检食品样品若干批次,检验结果已按规定向社会公开。".repeat(3);
segmentForIndex("预热");
let s = performance.now();
for (let i = 0; i < 1000; i++) segmentForIndex(body + i);
console.log("segment x1000", performance.now() - s);
s = performance.now();
for (let i = 0; i < 1000; i++) foldText(body + i);
console.log("fold x1000", performance.now() - s);
