import { catalogSeeder } from "../catalog/seed";
import { demoSeeders } from "./demo/seed";
import type { Seeder } from "./seed";

/** Every seeder of the product, in the order they run. Domains add theirs here. */
export const seeders: Seeder[] = [catalogSeeder, ...demoSeeders];
