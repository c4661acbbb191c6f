import { catalogSeeder } from "../catalog/seed";
import { messageDemoSeeder } from "../messages/seed";
import { meetingDemoSeeder } from "../participation/meetings/seed";
import { participationDemoSeeder } from "../participation/seed";
import { publicityDemoSeeder } from "../publicity/demo-seed";
import { demoServicesSeeder } from "../services/seed";
import { demoSeeders } from "./demo/seed";
import type { Seeder } from "./seed";

/** Every seeder of the product, in the order they run. Domains add theirs here. */
export const seeders: Seeder[] = [
  catalogSeeder,
  ...demoSeeders,
  meetingDemoSeeder,
  participationDemoSeeder,
  publicityDemoSeeder,
  demoServicesSeeder,
  messageDemoSeeder,
];
