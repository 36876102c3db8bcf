// Slugs are made where the seed can use them too: the database package.
export { slugify } from "@ultramarket/db";
