import { connectDatabase } from "../src/db/database";
import { searchRecords } from "../src/search/search";
const database = connectDatabase({ databaseUrl: null, sqlitePath: "/tmp/gk-bench.sqlite" });
await searchRecords(database.db, { q: "食品" });
const s = performance.now();
for (let i = 0; i < 100; i++) await searchRecords(database.db, { q: "食品" });
console.log("avg", (performance.now() - s) / 100);
await database.destroy();
