import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Role } from "../accounts/roles";
import type { MessageUser } from "./policy";
import {
  availableActions,
  type DecisionContext,
  decideMessage,
  type MessageAction,
  type MessageFacts,
} from "./workflow";

const ROOT = 1;
const FOOD = 2;
const TOWN = 3;
let nextId = 10;
const user = (unitId: number, ...roles: Role[]): MessageUser => ({ id: nextId++, unitId, roles });
const ctx = (u: MessageUser): DecisionContext => ({ user: u, rootUnitId: ROOT });

const office = user(ROOT, "reviewer");
const officeApprover = user(ROOT, "approver");
const rootEditor = user(ROOT, "editor");
const foodEditor = user(FOOD, "editor");
const foodReviewer = user(FOOD, "reviewer");
const townEditor = user(TOWN, "editor");
const townReviewer = user(TOWN, "reviewer");
const admin = user(ROOT, "admin");

const received: MessageFacts = {
  state: "received",
  unitId: null,
  draftedBy: null,
  isOverdue: false,
};
const assigned: MessageFacts = {
  state: "assigned",
  unitId: FOOD,
  draftedBy: null,
  isOverdue: false,
};
const inReview: MessageFacts = {
  state: "in_review",
  unitId: FOOD,
  draftedBy: foodEditor.id,
  isOverdue: false,
};
const replied: MessageFacts = {
  state: "replied",
  unitId: FOOD,
  draftedBy: foodEditor.id,
  isOverdue: false,
};

const ok = (facts: MessageFacts, action: MessageAction, u: MessageUser) => {
  const d = decideMessage(facts, action, ctx(u));
  assert.ok(d.ok, d.ok ? "" : d.message);
  return d.next;
};
const no = (facts: MessageFacts, action: MessageAction, u: MessageUser, reason: string) => {
  const d = decideMessage(facts, action, ctx(u));
  assert.equal(d.ok, false);
  if (!d.ok) assert.equal(d.reason, reason);
};

describe("分办", () => {
  test("the office (root reviewer or approver) assigns a received message to a unit", () => {
    assert.deepEqual(ok(received, { type: "assign", unitId: FOOD }, office), {
      state: "assigned",
      unitId: FOOD,
    });
    ok(received, { type: "assign", unitId: FOOD }, officeApprover);
  });
  test("nobody else assigns: a root editor, a unit reviewer, the admin", () => {
    for (const u of [rootEditor, foodReviewer, admin])
      no(received, { type: "assign", unitId: FOOD }, u, "forbidden");
  });
  test("an assigned message is not assigned again", () => {
    no(assigned, { type: "assign", unitId: TOWN }, office, "state");
  });
});

describe("转办", () => {
  const transfer = (unitId: number, reason = "属乡镇监管所辖区"): MessageAction => ({
    type: "transfer",
    unitId,
    reason,
  });
  test("the holding unit passes the message on, keeping it in 办理中", () => {
    assert.deepEqual(ok(assigned, transfer(TOWN), foodEditor), { state: "assigned", unitId: TOWN });
    ok(assigned, transfer(TOWN), foodReviewer);
  });
  test("the office transfers any assigned message", () => {
    ok(assigned, transfer(TOWN), office);
  });
  test("another unit cannot take or move the message", () => {
    no(assigned, transfer(TOWN), townEditor, "forbidden");
    no(assigned, transfer(TOWN), townReviewer, "forbidden");
  });
  test("a reason and a different unit are required", () => {
    no(assigned, transfer(TOWN, "  "), foodEditor, "input");
    no(assigned, transfer(FOOD), foodEditor, "input");
  });
  test("only assigned messages are transferred", () => {
    for (const facts of [received, inReview, replied]) no(facts, transfer(TOWN), office, "state");
  });
});

describe("drafting and review", () => {
  test("the holding unit's editor submits the reply for review", () => {
    assert.deepEqual(ok(assigned, { type: "submit", replyText: "<p>答复</p>" }, foodEditor), {
      state: "in_review",
      unitId: FOOD,
    });
  });
  test("another unit's editor, a reviewer or an empty reply cannot submit", () => {
    no(assigned, { type: "submit", replyText: "<p>x</p>" }, townEditor, "forbidden");
    no(assigned, { type: "submit", replyText: "<p>x</p>" }, foodReviewer, "forbidden");
    no(assigned, { type: "submit", replyText: "  " }, foodEditor, "input");
    no(received, { type: "submit", replyText: "<p>x</p>" }, foodEditor, "state");
  });
  test("the unit's reviewer or the office reviewer approves: replied", () => {
    assert.deepEqual(ok(inReview, { type: "approve" }, foodReviewer), {
      state: "replied",
      unitId: FOOD,
    });
    ok(inReview, { type: "approve" }, office);
  });
  test("returning needs a reason and goes back to 办理中", () => {
    assert.deepEqual(ok(inReview, { type: "return", reason: "请补充依据" }, foodReviewer), {
      state: "assigned",
      unitId: FOOD,
    });
    no(inReview, { type: "return", reason: "" }, foodReviewer, "input");
  });
  test("nobody reviews their own draft", () => {
    const both = user(FOOD, "editor", "reviewer");
    no({ ...inReview, draftedBy: both.id }, { type: "approve" }, both, "forbidden");
  });
  test("the office's approver may review; another unit's reviewer or an editor may not", () => {
    ok(inReview, { type: "approve" }, officeApprover);
    no(inReview, { type: "approve" }, user(ROOT, "editor"), "forbidden");
    no(inReview, { type: "approve" }, townReviewer, "forbidden");
    no(inReview, { type: "approve" }, foodEditor, "forbidden");
  });
  test("review only applies to a submitted reply", () => {
    for (const facts of [received, assigned, replied])
      no(facts, { type: "approve" }, office, "state");
  });
});

describe("督办", () => {
  const supervise: MessageAction = { type: "supervise", note: "请于3个工作日内答复" };
  test("the office supervises an overdue message in any unreplied state, without changing it", () => {
    for (const facts of [received, assigned, inReview]) {
      const overdue = { ...facts, isOverdue: true };
      assert.deepEqual(ok(overdue, supervise, office), {
        state: facts.state,
        unitId: facts.unitId,
      });
    }
  });
  test("not before the due day has passed, not after the reply", () => {
    no(assigned, supervise, office, "state");
    no({ ...replied, isOverdue: true }, supervise, office, "state");
  });
  test("only the office supervises, with a note", () => {
    no({ ...assigned, isOverdue: true }, supervise, foodReviewer, "forbidden");
    no({ ...assigned, isOverdue: true }, { type: "supervise", note: " " }, office, "input");
  });
});

describe("available actions", () => {
  test("lists what the user may do now", () => {
    assert.deepEqual(availableActions(received, ctx(office)), ["assign"]);
    assert.deepEqual(availableActions({ ...assigned, isOverdue: true }, ctx(office)), [
      "transfer",
      "supervise",
    ]);
    assert.deepEqual(availableActions(assigned, ctx(foodEditor)), ["transfer", "submit"]);
    assert.deepEqual(availableActions(inReview, ctx(foodReviewer)), ["return", "approve"]);
    assert.deepEqual(availableActions(replied, ctx(office)), []);
  });
});
